package dev.eventbus.recorder;

/** The second of two test classes sharing one cached context (see {@link SharedContextRecorderTests}). */
class SharedContextSecondIntegrationTests extends SharedContextRecorderTests {

}
