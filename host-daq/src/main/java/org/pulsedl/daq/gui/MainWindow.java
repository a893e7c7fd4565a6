package org.pulsedl.daq.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.PngFile;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The DAQ window (issue 13 "GUI"): the scope, the Δt histogram and the energy spectrum with their live fits, the
 * rate and loss counters, and the actions — connect, start/stop, load a model, record to list mode, replay a
 * file, export the plots as PNG. Work that can block (the link, the board, files, fits) runs off the event
 * thread; the event thread only draws the newest {@link LiveSnapshot}.
 */
public final class MainWindow {
    /** Plot sizes of the PNG export. */
    static final int PNG_WIDTH = 1000, PNG_HEIGHT = 650;

    private final GuiSettings settings;
    private final JFrame frame = new JFrame("pulsedl DAQ");
    private final ScopeView scope = new ScopeView();
    private final DeltaTView deltaT = new DeltaTView();
    private final SpectrumView spectrum = new SpectrumView();
    private final CountersPanel counters = new CountersPanel();
    private final JLabel message = new JLabel(" ");
    private final JButton connect = new JButton("Connect…"), disconnect = new JButton("Disconnect"), start = new JButton("Start"),
            stop = new JButton("Stop"), loadModel = new JButton("Load model…"), record = new JButton("Record…"),
            replay = new JButton("Replay…"), export = new JButton("Export PNGs…");
    private final LiveModel live;
    private final LiveRefresher refresher;
    private final EdtLatencyProbe latency = new EdtLatencyProbe(20, EdtLatencyProbe.KEEP);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile QuantizedModel model;
    private volatile LiveSource source;
    private volatile LiveSnapshot lastSnapshot;

    private MainWindow(GuiSettings settings, QuantizedModel model) {
        this.settings = settings;
        this.model = model;
        // Until a board or file says otherwise: the model's scales on a 1 ns tick (nothing is drawn before then).
        this.live = new LiveModel(new ListModeHeader(model, 1.0, 1, Map.of()));
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        for (JButton b : new JButton[] {connect, disconnect, start, stop, loadModel, record, replay, export}) bar.add(b);
        connect.addActionListener(e -> askAndConnect());
        disconnect.addActionListener(e -> disconnect());
        start.addActionListener(e -> board(c -> c.start(), "start"));
        stop.addActionListener(e -> board(c -> c.stop(), "stop"));
        loadModel.addActionListener(e -> chooseModel());
        record.addActionListener(e -> toggleRecording());
        replay.addActionListener(e -> chooseReplay());
        export.addActionListener(e -> exportPngs());

        JPanel grid = new JPanel(new GridLayout(2, 2, 4, 4));
        grid.add(scope.panel());
        grid.add(counters.panel());
        grid.add(deltaT.view().panel());
        grid.add(spectrum.view().panel());
        frame.getContentPane().add(bar, BorderLayout.NORTH);
        frame.getContentPane().add(grid, BorderLayout.CENTER);
        frame.getContentPane().add(message, BorderLayout.SOUTH);
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) { shutDown(); }
        });
        frame.setPreferredSize(new Dimension(1280, 900));
        frame.pack();
        restoreBounds();
        refresher = new LiveRefresher(() -> source, live, this::show);
        if (settings.problem() != null) say(settings.problem());
        updateButtons();
    }

    /** Creates and shows the window on the event thread; returns once it is visible. */
    public static MainWindow open(GuiSettings settings, QuantizedModel model) throws Exception {
        MainWindow[] w = {null};
        SwingUtilities.invokeAndWait(() -> {
            w[0] = new MainWindow(settings, model);
            w[0].frame.setVisible(true);
        });
        return w[0];
    }

    /** Waits until the window is closed. */
    public void awaitClosed() throws InterruptedException { closed.await(); }

    public JFrame frame() { return frame; }

    LiveModel live() { return live; }

    ScopeView scope() { return scope; }

    DeltaTView deltaT() { return deltaT; }

    SpectrumView spectrum() { return spectrum; }

    EdtLatencyProbe latency() { return latency; }

    LiveSnapshot lastSnapshot() { return lastSnapshot; }

    /** Refreshes made and drawn so far. */
    long[] refreshCounts() { return refresher.counts(); }

    /** The last connection in the settings (or null). */
    ConnectTarget lastTarget() {
        try {
            String t = settings.get(GuiSettings.CONNECT, null);
            return t == null ? null : ConnectTarget.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Shows the connect dialog (on the event thread) and connects to the choice. */
    public void askAndConnect() {
        ConnectTarget t = ConnectDialog.ask(frame, lastTarget());
        if (t != null) connect(t);
    }

    /**
     * Connects to {@code target} off the event thread and starts acquiring; the future completes with the
     * connection (or its failure, which is also shown).
     */
    public CompletableFuture<BoardConnection> connect(ConnectTarget target) {
        closeSource();
        say("connecting to " + target.text() + " …");
        int prescale = settings.getInt(GuiSettings.WAVEFORM_PRESCALE, GuiSettings.DEFAULT_PRESCALE);
        CompletableFuture<BoardConnection> f = CompletableFuture.supplyAsync(() -> {
            try {
                BoardConnection c = BoardConnection.open(target, model, prescale, live, this::say);
                source = c;
                settings.put(GuiSettings.CONNECT, target.text());
                saveSettings();
                c.start().join();
                return c;
            } catch (IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        f.whenComplete((c, e) -> {
            if (e != null) fail("connect to " + target.text(), e);
            SwingUtilities.invokeLater(this::updateButtons);
        });
        return f;
    }

    private void disconnect() {
        closeSource();
        say("disconnected");
    }

    private interface BoardStep {
        CompletableFuture<Void> apply(BoardConnection c);
    }

    private void board(BoardStep step, String what) {
        if (!(source instanceof BoardConnection c)) return;
        step.apply(c).whenComplete((v, e) -> {
            if (e != null) fail(what, e);
            SwingUtilities.invokeLater(this::updateButtons);
        });
    }

    private void chooseModel() {
        JFileChooser ch = chooser(GuiSettings.MODEL, false);
        ch.setFileFilter(new FileNameExtensionFilter("pulsedl models (.qmodel)", "qmodel"));
        if (ch.showOpenDialog(frame) != JFileChooser.APPROVE_OPTION) return;
        Path file = ch.getSelectedFile().toPath();
        CompletableFuture.runAsync(() -> {
            try {
                QuantizedModel q = NeuralModel.resolve(file.toString()).quantized();
                model = q;
                settings.put(GuiSettings.MODEL, file.toString());
                saveSettings();
                if (source instanceof BoardConnection c) {
                    boolean was = c.running();
                    c.loadModel(q).join();
                    if (was) c.start().join();
                } else {
                    say("model " + q.name() + " will be loaded onto the next board");
                }
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).whenComplete((v, e) -> {
            if (e != null) fail("load model " + file, e);
        });
    }

    private void toggleRecording() {
        if (!(source instanceof BoardConnection c)) return;
        if (c.recording() != null) {
            board(BoardConnection::stopRecording, "stop recording");
            return;
        }
        JFileChooser ch = chooser(GuiSettings.RECORD_DIR, true);
        ch.setSelectedFile(new File(ch.getCurrentDirectory(), "run.pdl"));
        if (ch.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) return;
        Path file = ch.getSelectedFile().toPath();
        settings.put(GuiSettings.RECORD_DIR, file.toAbsolutePath().getParent().toString());
        saveSettings();
        board(cc -> cc.startRecording(file), "record to " + file);
    }

    private void chooseReplay() {
        JFileChooser ch = chooser(GuiSettings.REPLAY_DIR, true);
        if (ch.showOpenDialog(frame) != JFileChooser.APPROVE_OPTION) return;
        Path file = ch.getSelectedFile().toPath();
        settings.put(GuiSettings.REPLAY_DIR, file.toAbsolutePath().getParent().toString());
        saveSettings();
        replay(file);
    }

    /** Replays {@code file} into the views (the board, if any, is disconnected first). */
    public CompletableFuture<ListModeReplay> replay(Path file) {
        closeSource();
        CompletableFuture<ListModeReplay> f = CompletableFuture.supplyAsync(() -> {
            try {
                ListModeReplay r = ListModeReplay.start(file, live, this::say);
                source = r;
                return r;
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        f.whenComplete((r, e) -> {
            if (e != null) fail("replay " + file, e);
            SwingUtilities.invokeLater(this::updateButtons);
        });
        return f;
    }

    private void exportPngs() {
        JFileChooser ch = chooser(GuiSettings.EXPORT_DIR, true);
        ch.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (ch.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) return;
        Path dir = ch.getSelectedFile().toPath();
        settings.put(GuiSettings.EXPORT_DIR, dir.toString());
        saveSettings();
        try {
            for (Path p : exportPngs(dir)) say("wrote " + p);
        } catch (IOException e) {
            fail("export to " + dir, e);
        }
    }

    /** Writes every plot as PNG into {@code dir}: scope.png, delta-t.png, energy-spectrum.png. Event thread. */
    java.util.List<Path> exportPngs(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        java.util.List<Path> files = java.util.List.of(dir.resolve("scope.png"), dir.resolve("delta-t.png"), dir.resolve("energy-spectrum.png"));
        PngFile.write(files.get(0), scope.chart(), PNG_WIDTH, PNG_HEIGHT);
        PngFile.write(files.get(1), deltaT.view().chart(), PNG_WIDTH, PNG_HEIGHT);
        PngFile.write(files.get(2), spectrum.view().chart(), PNG_WIDTH, PNG_HEIGHT);
        return files;
    }

    private JFileChooser chooser(String key, boolean folderKey) {
        String last = settings.get(key, null);
        JFileChooser ch = new JFileChooser();
        if (last != null) {
            File f = new File(last);
            ch.setCurrentDirectory(folderKey ? f : f.getParentFile());
        }
        return ch;
    }

    /** Draws one refresh; on the event thread. */
    private void show(LiveSnapshot s) {
        lastSnapshot = s;
        scope.show(s);
        deltaT.show(s);
        spectrum.show(s);
        counters.show(s.status(), latency.percentilesMs());
        updateButtons();
    }

    private void updateButtons() {
        LiveSource s = source;
        boolean board = s instanceof BoardConnection;
        boolean running = board && ((BoardConnection) s).running();
        disconnect.setEnabled(s != null);
        start.setEnabled(board && !running);
        stop.setEnabled(running);
        record.setEnabled(board);
        record.setText(board && ((BoardConnection) s).recording() != null ? "Stop recording" : "Record…");
    }

    private void closeSource() {
        LiveSource s = source;
        source = null;
        if (s != null) s.close();
    }

    /** One line in the window's status bar (any thread). */
    void say(String text) {
        SwingUtilities.invokeLater(() -> message.setText(text));
    }

    private void fail(String what, Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = what + " failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        say(text);
        SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(frame, text, "pulsedl", JOptionPane.WARNING_MESSAGE));
    }

    private void saveSettings() {
        try {
            settings.save();
        } catch (IOException e) {
            say("the settings could not be saved to " + settings.file() + ": " + e.getMessage());
        }
    }

    private void restoreBounds() {
        String[] b = settings.get(GuiSettings.BOUNDS, "").split(",");
        if (b.length != 4) return;
        try {
            frame.setBounds(new Rectangle(Integer.parseInt(b[0]), Integer.parseInt(b[1]), Integer.parseInt(b[2]), Integer.parseInt(b[3])));
        } catch (NumberFormatException ignored) {
            // a hand-edited value: keep the default size
        }
    }

    private void shutDown() {
        Rectangle r = frame.getBounds();
        settings.put(GuiSettings.BOUNDS, String.format(Locale.ROOT, "%d,%d,%d,%d", r.x, r.y, r.width, r.height));
        saveSettings();
        refresher.close();
        latency.close();
        Thread t = new Thread(() -> {
            closeSource();
            closed.countDown();
        }, "gui-shutdown");
        t.start();
    }
}
