package org.pharmamaturity.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a state directory can be unusable gives one line naming the directory, the problem and the remedy. */
class StateDirectoryCheckTest {

    private static final long ONE_MIB = 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void aMissingDirectoryIsCreatedAndLeftEmpty() throws Exception {
        Path dir = work.resolve("a/b/state");

        StateDirectoryCheck.check(dir, ONE_MIB);

        assertThat(dir).isDirectory().isEmptyDirectory();
    }

    @Test
    void aFileInsteadOfADirectoryIsNamed() throws Exception {
        Path file = Files.writeString(work.resolve("state"), "not a directory");

        assertThatThrownBy(() -> StateDirectoryCheck.check(file, ONE_MIB))
                .isInstanceOf(StateDirectoryException.class)
                .hasMessage("State directory " + file + " is a file, not a directory: move the file away or set "
                        + "another directory (state.dir, or MATURITY_STATE_DIR), then start again.");
    }

    @Test
    void aDirectoryThatCannotBeCreatedNamesWhatIsInTheWay() throws Exception {
        Path file = Files.writeString(work.resolve("blocker"), "a file where a directory should be");
        Path dir = file.resolve("state");

        assertThatThrownBy(() -> StateDirectoryCheck.check(dir, ONE_MIB))
                .isInstanceOf(StateDirectoryException.class)
                .hasMessageStartingWith("State directory " + dir + " does not exist and cannot be created (")
                .hasMessageContaining(file.toString())
                .hasMessageEndingWith("create it, writable by the service's user, or set another directory "
                        + "(state.dir, or MATURITY_STATE_DIR), then start again.");
    }

    @Test
    void aReadOnlyDirectoryIsNamed() throws Exception {
        Path dir = Files.createDirectory(work.resolve("read-only"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root writes anyway; the check is then about the disk, not the permissions, and has nothing to find.
        assumeFalse(Files.isWritable(dir), "running as root: a read-only directory is writable");

        assertThatThrownBy(() -> StateDirectoryCheck.check(dir, ONE_MIB))
                .isInstanceOf(StateDirectoryException.class)
                .hasMessage("State directory " + dir + " cannot be written to (permission denied on "
                        + dir.resolve(".maturity-write-probe") + "): make it writable by the service's user and free "
                        + "space on its disk, or set another directory (state.dir, or MATURITY_STATE_DIR), then start "
                        + "again.");
    }

    @Test
    void aDiskWithLessThanTheMinimumFreeIsAFullDisk() throws Exception {
        // No disk here has 8 EiB free, so this is the full disk of the check's point of view.
        long minimum = Long.MAX_VALUE;

        assertThatThrownBy(() -> StateDirectoryCheck.check(work, minimum))
                .isInstanceOf(StateDirectoryException.class)
                .hasMessageStartingWith("State directory " + work + " has ")
                .hasMessageContaining(" MiB free, less than maturity.state.min-free-mb = 8796093022207")
                .hasMessageEndingWith(": free space on its disk or set another directory on a larger one "
                        + "(state.dir, or MATURITY_STATE_DIR), then start again.");
        assertThat(work).isEmptyDirectory();
    }
}
