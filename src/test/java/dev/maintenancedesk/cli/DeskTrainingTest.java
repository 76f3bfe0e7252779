package dev.maintenancedesk.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.maintenancedesk.releases.GitFixture;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run must get through every command, whatever the repository, without throwing. */
class DeskTrainingTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnARepositoryAndOnNone() {
        InputStream stdin = System.in;
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
            for (int i = 0; i < 4; i++) {
                repo.commit("feat: change " + i);
            }
            assertThatCode(() -> DeskTraining.train(repo.dir().toString())).doesNotThrowAnyException();
            assertThatCode(() -> DeskTraining.train(dir.resolve("none").toString())).doesNotThrowAnyException();
        } finally {
            System.setIn(stdin);
        }
    }
}
