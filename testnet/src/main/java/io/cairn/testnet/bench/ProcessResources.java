package io.cairn.testnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A local process's CPU time and resident memory, from {@code /proc/<pid>/stat} (utime + stime, fields 14 and 15,
 * in clock ticks of 1/100 s on Linux) and {@code /proc/<pid>/status} ({@code VmRSS}). Empty when the process is not
 * on this machine or not running.
 */
public record ProcessResources(long pid, double cpuSeconds, long residentBytes) {
    static final double TICKS_PER_SECOND = 100;

    public static Optional<ProcessResources> ofPidFile(Path pidFile, Path proc) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return Optional.of(read(pid, proc));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static ProcessResources read(long pid, Path proc) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        String stat = Files.readString(dir.resolve("stat"));
        // the command name (field 2) may hold spaces and parentheses: count fields after its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long rssKiB = residentKiB(Files.readAllLines(dir.resolve("status")));
        return new ProcessResources(pid, ticks / TICKS_PER_SECOND, rssKiB * 1024);
    }

    private static long residentKiB(List<String> status) throws IOException {
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no VmRSS line");
    }
}
