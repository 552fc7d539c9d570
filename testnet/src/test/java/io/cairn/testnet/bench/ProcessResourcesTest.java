package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessResourcesTest {
    @Test
    void readsCpuTicksAfterACommandNameWithSpacesAndParenthesesAndTheResidentSize(@TempDir Path dir) throws Exception {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("77"));
        // fields after "(name)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        Files.writeString(proc.resolve("77/stat"), "77 (java (main) x) S 1 77 77 0 -1 4194560 10 0 0 0 1234 566 0 0 20 0\n");
        Files.writeString(proc.resolve("77/status"), "Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\nThreads:\t30\n");
        Path pidFile = dir.resolve("node.pid");
        Files.writeString(pidFile, "77\n");

        assertThat(ProcessResources.ofPidFile(pidFile, proc))
                .contains(new ProcessResources(77, 18.0, 204_800L * 1024));
    }

    @Test
    void aMissingPidFileOrProcessIsEmptyNotAnError(@TempDir Path dir) throws Exception {
        assertThat(ProcessResources.ofPidFile(dir.resolve("none.pid"), dir)).isEmpty();
        Path pidFile = dir.resolve("node.pid");
        Files.writeString(pidFile, "123456789");
        assertThat(ProcessResources.ofPidFile(pidFile, dir)).isEmpty();
        Files.writeString(pidFile, "not a pid");
        assertThat(ProcessResources.ofPidFile(pidFile, dir)).isEmpty();
    }

    @Test
    void readsThisVeryProcessFromTheRealProc(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("self.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        ProcessResources self = ProcessResources.ofPidFile(pidFile, Path.of("/proc")).orElseThrow();

        assertThat(self.cpuSeconds()).isPositive();
        assertThat(self.residentBytes()).isGreaterThan(Runtime.getRuntime().totalMemory() / 4);
    }

    @Test
    void usageBetweenTwoReadingsIsTheCpuUsedInThatTime() {
        NodeUsage usage = NodeUsage.between(2, new ProcessResources(9, 10.0, 1), new ProcessResources(9, 25.0, 2048), 10);

        assertThat(usage).isEqualTo(new NodeUsage(2, 9L, 15.0, 150.0, 2048L));
        // a restarted node (another pid) has no comparable CPU time
        assertThat(NodeUsage.between(2, new ProcessResources(9, 10.0, 1), new ProcessResources(10, 1.0, 5), 10))
                .isEqualTo(new NodeUsage(2, 10L, null, null, 5L));
    }
}
