package org.pulsedl.daq.gui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import org.pulsedl.daq.link.SerialTransport;

/**
 * Where to connect: a serial port (the system's ports, from jSerialComm, or a typed path such as a pty), a board
 * on TCP or UDP, the built-in emulator, or the simulated SoC at the pty {@code pulsedl sim --pty} printed (shown
 * disabled, with the reason, in a build without {@code sim --pty}). Starts on the last choice.
 */
final class ConnectDialog {
    static final String DEFAULT_TCP = "127.0.0.1:5000";

    private ConnectDialog() {}

    /** Shows the dialog; the chosen target, or null when cancelled. */
    static ConnectTarget ask(Window owner, ConnectTarget last) {
        JDialog d = new JDialog(owner, "Connect to a board", java.awt.Dialog.ModalityType.APPLICATION_MODAL);
        JRadioButton serial = new JRadioButton("Serial port"), tcp = new JRadioButton("TCP"), udp = new JRadioButton("UDP"),
                emulator = new JRadioButton("Built-in emulator (started in this window's process)"), soc = new JRadioButton("Simulated SoC");
        ButtonGroup g = new ButtonGroup();
        for (JRadioButton b : new JRadioButton[] {serial, tcp, udp, emulator, soc}) g.add(b);
        JComboBox<String> ports = new JComboBox<>();
        ports.setEditable(true);
        for (SerialTransport.PortInfo p : SerialTransport.list()) ports.addItem(p.path());
        JTextField baud = new JTextField(Integer.toString(SerialTransport.MAX_BAUD), 8);
        JTextField tcpAt = new JTextField(DEFAULT_TCP, 18), udpAt = new JTextField(DEFAULT_TCP, 18);
        String socReason = SimulatedSoc.unavailableReason();
        soc.setEnabled(socReason == null);
        JTextField socPty = new JTextField("/dev/pts/", 18);
        socPty.setEnabled(socReason == null);
        soc.setToolTipText(socReason == null ? "the pty that pulsedl sim --elf FIRMWARE --pty --windows DATASET printed" : socReason);
        socPty.setToolTipText(soc.getToolTipText());
        JLabel socNote = new JLabel(socReason == null ? "pty of pulsedl sim --pty" : socReason);

        ConnectTarget start = last == null ? ConnectTarget.parse("tcp:" + DEFAULT_TCP) : last;
        switch (start.kind()) {
            case SERIAL -> {
                serial.setSelected(true);
                ports.setSelectedItem(start.where());
                baud.setText(Integer.toString(start.baud()));
            }
            case UDP -> {
                udp.setSelected(true);
                udpAt.setText(start.where());
            }
            case EMULATOR -> emulator.setSelected(true);
            case SIMULATED_SOC -> {
                (socReason == null ? soc : emulator).setSelected(true);
                socPty.setText(start.where());
            }
            default -> {
                tcp.setSelected(true);
                tcpAt.setText(start.where());
            }
        }

        JPanel form = new JPanel(new GridBagLayout());
        int[] row = {0};
        addRow(form, row, serial, ports, new JLabel("baud"), baud);
        addRow(form, row, tcp, tcpAt);
        addRow(form, row, udp, udpAt);
        addRow(form, row, emulator);
        addRow(form, row, soc, socPty, socNote);

        ConnectTarget[] chosen = {null};
        JButton ok = new JButton("Connect"), cancel = new JButton("Cancel");
        ok.addActionListener(e -> {
            try {
                if (serial.isSelected()) {
                    Object port = ports.getSelectedItem();
                    chosen[0] = ConnectTarget.parse("serial:" + (port == null ? "" : port.toString().trim()) + "@" + baud.getText().trim());
                } else if (tcp.isSelected()) {
                    chosen[0] = ConnectTarget.parse("tcp:" + tcpAt.getText().trim());
                } else if (udp.isSelected()) {
                    chosen[0] = ConnectTarget.parse("udp:" + udpAt.getText().trim());
                } else if (soc.isSelected()) {
                    chosen[0] = ConnectTarget.parse("soc:" + socPty.getText().trim());
                } else {
                    chosen[0] = ConnectTarget.EMULATOR;
                }
                d.dispose();
            } catch (IllegalArgumentException bad) {
                JOptionPane.showMessageDialog(d, bad.getMessage(), "Connect", JOptionPane.WARNING_MESSAGE);
            }
        });
        cancel.addActionListener(e -> d.dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        d.getRootPane().setDefaultButton(ok);
        d.getContentPane().add(form, BorderLayout.CENTER);
        d.getContentPane().add(buttons, BorderLayout.SOUTH);
        d.pack();
        d.setLocationRelativeTo(owner);
        d.setVisible(true);
        return chosen[0];
    }

    private static void addRow(JPanel form, int[] row, JComponent... cells) {
        for (int i = 0; i < cells.length; i++) {
            GridBagConstraints c = new GridBagConstraints();
            c.gridx = i;
            c.gridy = row[0];
            c.anchor = GridBagConstraints.WEST;
            c.insets = new Insets(4, 6, 4, 6);
            form.add(cells[i], c);
        }
        row[0]++;
    }
}
