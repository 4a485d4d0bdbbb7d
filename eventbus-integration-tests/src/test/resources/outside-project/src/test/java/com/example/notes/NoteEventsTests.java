package com.example.notes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@EnableFauxqs
class NoteEventsTests {

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	NoteListener listener;

	@Test
	void aSavedNoteReachesTheListenerThroughTheEmulatorInstalledInTheCache(FauxqsEmulator emulator) throws Exception {
		Note note = this.tx.execute((status) -> {
			Note created = new Note("hello from outside");
			this.entityManager.persist(created);
			return created;
		});

		await().atMost(Duration.ofSeconds(60)).until(() -> !this.listener.received().isEmpty());
		assertThat(this.listener.received()).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo(Action.CREATED);
			assertThat(event.entityId()).isEqualTo(note.getId().toString());
			assertThat(event.payload().text()).isEqualTo("hello from outside");
		});

		assertThat(emulator.isExternal()).isFalse();
		assertThat(Path.of("emulator")).doesNotExist();
		String cache = Path.of(System.getenv("EVENTBUS_EMULATOR_CACHE")).toAbsolutePath().normalize().toString();
		List<String> fauxqs = ProcessHandle.current()
			.descendants()
			.map((process) -> process.info().commandLine().orElse(""))
			.filter((commandLine) -> commandLine.contains("start.mjs"))
			.toList();
		assertThat(fauxqs).singleElement().asString().contains(cache + "/fauxqs-");
		Files.writeString(Path.of("target", "emulator-command-line.txt"), fauxqs.get(0));
	}

}
