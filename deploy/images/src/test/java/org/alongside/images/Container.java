package org.alongside.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started from an unpacked image as a container runtime starts one: the image's entrypoint, its environment
 * with the test's settings over it ({@code docker run -e}), its user and working directory, confined to the image's
 * root filesystem, PID 1 of a PID namespace of its own with /proc and /dev mounted as a runtime mounts them, in a mount
 * namespace that ends with it. It shares the machine's network ({@code --network host}) to reach PostgreSQL and the
 * broker. util-linux's {@code unshare} does all of it; it needs root, as a container runtime does.
 */
final class Container implements AutoCloseable {

    private final Process process;

    private Container(Process process) {
        this.process = process;
    }

    /**
     * Starts the image's entrypoint; its output goes to {@code log}.
     *
     * @param volumes directories of this machine mounted read-only into the container ({@code docker run -v}), by
     *                where they appear in it
     */
    static Container run(ImageTarball image, Path root, Map<String, String> settings, Map<String, Path> volumes,
            Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command(image, root, settings, volumes, image.entrypoint()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new Container(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs another command in the image ({@code docker exec}, e.g. a health check) and returns its exit code: its own
     * namespaces, the same root filesystem, user, environment and network.
     */
    static int exec(ImageTarball image, Path root, List<String> command) {
        try {
            Process check = new ProcessBuilder(command(image, root, Map.of(), Map.of(), command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly().waitFor();
                return -1;
            }
            return check.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(ImageTarball image, Path root, Map<String, String> settings,
            Map<String, Path> volumes, List<String> argv) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("Running an image's root filesystem needs root, as a container runtime"
                    + " does (unshare, mount): run the build as root, as .ci/run does on this project's machines");
        }
        Map<String, String> environment = new LinkedHashMap<>(image.environment());
        environment.putAll(settings);
        String user = image.user().isEmpty() ? "0" : image.user();
        // $1 is the root; each volume is a pair of arguments after it, the machine's directory and the mount point
        StringBuilder mounts = new StringBuilder("mount -t proc proc \"$1/proc\" && mount --rbind /dev \"$1/dev\"");
        List<String> arguments = new ArrayList<>(List.of(root.toString()));
        for (Map.Entry<String, Path> volume : volumes.entrySet()) {
            Path mountPoint = root.resolve(volume.getKey().substring(1));
            try {
                Files.createDirectories(mountPoint);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int at = arguments.size() + 1;
            mounts.append(" && mount --bind -o ro \"$").append(at).append("\" \"$").append(at + 1).append('"');
            arguments.addAll(List.of(volume.getValue().toString(), mountPoint.toString()));
        }
        mounts.append(" && shift ").append(arguments.size()).append(" && exec \"$@\"");
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child", "--",
                "bash", "-c", mounts.toString(), "container"));
        command.addAll(arguments);
        command.addAll(List.of("env", "-i"));
        environment.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of("unshare", "--root=" + root, "--wd=" + image.workingDirectory(),
                "--setuid=" + user, "--setgid=" + user, "--"));
        command.addAll(argv);
        return command;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code docker stop}: SIGTERM to the entrypoint's process (PID 1 inside), then waits for it to end. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
