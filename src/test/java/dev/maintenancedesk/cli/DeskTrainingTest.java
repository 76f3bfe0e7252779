package dev.maintenancedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.releases.GitFixture;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run must get through every command, whatever the repository: each ends as
 * it would for a user (a failing command, an internal error above all, fails this test).
 */
class DeskTrainingTest {

    @TempDir
    Path dir;

    private static List<Integer> exitCodes(List<DeskTraining.Run> runs) {
        return runs.stream().map(DeskTraining.Run::exitCode).toList();
    }

    @Test
    void trainsOnARepository() throws IOException {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
            for (int i = 0; i < 4; i++) {
                repo.commit("feat: change " + i);
            }
            List<DeskTraining.Run> runs = DeskTraining.train(repo.dir().toString());
            // the one rejected commit message, then the directory that does not exist
            assertThat(exitCodes(runs)).as("%s", runs).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
            assertThat(runs.get(1).errors()).startsWith("desk: commit message rejected");
            assertThat(runs.get(11).errors()).startsWith("desk: ").contains("no-such-dir");
        }
    }

    @Test
    void trainsWithoutARepository() throws IOException {
        List<DeskTraining.Run> runs = DeskTraining.train(dir.resolve("none").toString());
        // git commands answer bad input; the plan, SLA and commit commands do not need git
        assertThat(exitCodes(runs)).as("%s", runs).containsExactly(0, 1, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2);
        assertThat(runs).allSatisfy(r -> assertThat(r.errors()).doesNotContain("internal error"));
    }
}
