package org.karyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void aFileWrittenAtomicallyGetsTheSamePermissionsAsAnyNewFile(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "hello");
        // Bug: the temporary sibling came from createTempFile (owner-only, 600), so every output was
        // unreadable to the group and others whatever the umask said.
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
        Path folder = AtomicFiles.siblingDirectory(dir.resolve("bundle"));
        Path plainFolder = Files.createDirectory(dir.resolve("plain-folder"));
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(Files.getPosixFilePermissions(plainFolder));
        assertThat(folder.getFileName().toString()).startsWith(".bundle").endsWith(".part");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoLeftovers(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("t.txt");
        AtomicFiles.writeString(target, "old");
        try {
            AtomicFiles.write(target, tmp -> {
                Files.writeString(tmp, "half");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
