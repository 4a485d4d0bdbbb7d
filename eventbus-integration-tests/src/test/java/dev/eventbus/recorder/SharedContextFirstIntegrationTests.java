package dev.eventbus.recorder;

/** The first of two test classes sharing one cached context (see {@link SharedContextRecorderTests}). */
class SharedContextFirstIntegrationTests extends SharedContextRecorderTests {

}
