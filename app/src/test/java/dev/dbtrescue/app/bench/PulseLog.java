// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pulses JavaFX's own pulse logger times: from the start of a pulse (animations, CSS, layout, copying the scene to
 * the renderer) to the end of its rendering, in whole milliseconds. The logger writes to standard error; this reads
 * its lines there and keeps them from the console, which still gets every other line. Install before the toolkit
 * starts.
 */
public final class PulseLog {

    private static final Pattern PULSE_LINE = Pattern.compile("^PULSE: \\d+ \\[\\d+ms:(\\d+)ms\\](.*)");
    private static final Pattern LOGGER_LINE = Pattern.compile("^(PULSE: |T\\d+ |Counters:|\\t|\\[\\d+ |\\s*$).*");

    private final ConcurrentLinkedQueue<Double> pulses = new ConcurrentLinkedQueue<>();
    private final PrintStream console;
    private volatile boolean recording;

    private PulseLog(PrintStream console) {
        this.console = console;
    }

    /**
     * Switches the pulse logger on and takes standard error over.
     *
     * @return the log; {@link #console()} is the standard error it replaced
     */
    public static PulseLog install() {
        System.setProperty("javafx.pulseLogger", "true");
        System.setProperty("javafx.pulseLogger.threshold", "0");
        var log = new PulseLog(System.err);
        System.setErr(new PrintStream(log.new LineFilter(), true, StandardCharsets.UTF_8));
        return log;
    }

    /** The standard error before {@link #install()}. */
    public PrintStream console() {
        return console;
    }

    /** Starts keeping the durations of rendered pulses (a pulse with nothing to render is left out). */
    public void start() {
        pulses.clear();
        recording = true;
    }

    /** Stops keeping durations; returns those kept since {@link #start()}, in milliseconds. */
    public double[] stop() {
        recording = false;
        return pulses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Standard error line by line: the logger's lines are parsed and dropped, the others go to the console. */
    private final class LineFilter extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            Matcher pulse = PULSE_LINE.matcher(text);
            if (pulse.matches()) {
                if (recording && !pulse.group(2).contains("Required No Rendering")) {
                    pulses.add(Double.parseDouble(pulse.group(1)));
                }
            } else if (!LOGGER_LINE.matcher(text).matches()) {
                console.println(text);
            }
        }
    }
}
