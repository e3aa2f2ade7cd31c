package org.pharmamaturity.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeLocatorTest {

    @TempDir
    Path jvms;

    @Test
    void runningJvmIsUsedWhenRecentEnough() throws IOException {
        Path running = fakeJdk("running", "25.0.3");
        Path javaHome = fakeJdk("home", "21.0.1");

        Path java = new JavaRuntimeLocator(running, 25, Optional.of(javaHome), jvms).locate(21, "Test");

        assertThat(java).isEqualTo(running.resolve("bin/java"));
    }

    @Test
    void javaHomeIsUsedWhenTheRunningJvmIsTooOld() throws IOException {
        Path running = fakeJdk("running", "17.0.15");
        Path javaHome = fakeJdk("home", "21.0.1");
        fakeJdk("newer-under-scan-root", "25.0.3");

        Path java = new JavaRuntimeLocator(running, 17, Optional.of(javaHome), jvms).locate(21, "Test");

        assertThat(java).isEqualTo(javaHome.resolve("bin/java"));
    }

    @Test
    void newestJdkUnderTheScanRootIsUsedWhenJavaHomeIsTooOld() throws IOException {
        Path running = fakeJdk("java-17-openjdk-amd64", "17.0.15");
        fakeJdk("java-21-openjdk-amd64", "21.0.8");
        Path newest = fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        Files.createDirectories(jvms.resolve("openjdk-17"));  // a folder without a release file is skipped

        Path java = new JavaRuntimeLocator(running, 17, Optional.of(running), jvms).locate(21, "Test");

        assertThat(java).isEqualTo(newest.resolve("bin/java"));
    }

    @Test
    void noSuitableJdkGivesAMessageThatSaysWhatToInstall() throws IOException {
        Path running = fakeJdk("java-17-openjdk-amd64", "17.0.15");
        Path javaHome = fakeJdk("java-8", "1.8.0_392");

        assertThatThrownBy(() -> new JavaRuntimeLocator(running, 17, Optional.of(javaHome), jvms).locate(21, "Apicurio Registry 3.3.3"))
                .isInstanceOf(EmbeddedStackException.class)
                .hasMessageContaining("Apicurio Registry 3.3.3 needs Java 21 or newer, and none was found")
                .hasMessageContaining("the running JVM is Java 17 (" + running + ")")
                .hasMessageContaining("JAVA_HOME is " + javaHome + " (Java 8)")
                .hasMessageContaining(jvms + " holds no JDK 21+")
                .hasMessageContaining("point JAVA_HOME at one");
    }

    @Test
    void missingJavaHomeIsNamedAsNotSet() throws IOException {
        Path running = fakeJdk("java-17-openjdk-amd64", "17.0.15");

        assertThatThrownBy(() -> new JavaRuntimeLocator(running, 17, Optional.empty(), jvms.resolve("absent")).locate(21, "Test"))
                .hasMessageContaining("JAVA_HOME is not set");
    }

    @Test
    void featureVersionIsReadFromTheReleaseFile() throws IOException {
        assertThat(JavaRuntimeLocator.featureOf(fakeJdk("a", "25.0.3"))).hasValue(25);
        assertThat(JavaRuntimeLocator.featureOf(fakeJdk("b", "21"))).hasValue(21);
        // Old scheme "1.<feature>.0_<update>": the feature is the second number.
        assertThat(JavaRuntimeLocator.featureOf(fakeJdk("c", "1.8.0_392"))).hasValue(8);
        assertThat(JavaRuntimeLocator.featureOf(jvms.resolve("no-such-jdk"))).isEmpty();
    }

    /** A folder shaped like a JDK: a release file declaring {@code version} and an executable bin/java. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"99\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
