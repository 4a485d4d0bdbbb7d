package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Renders the figures as a Markdown table. */
final class Table {

	private static final String[] HEADER = { "figure", "unit", "ours", "baseline", "ratio", "target", "met",
			"cpu ours (jvm/emulator/pg)", "cpu baseline (jvm/emulator/pg)" };

	private Table() {
	}

	static String render(List<Figure> figures) {
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADER);
		for (Figure figure : figures) {
			CpuMeter.Usage ours = CpuMeter.Usage.median(figure.oursCpu);
			CpuMeter.Usage baseline = CpuMeter.Usage.median(figure.baselineCpu);
			Boolean met = figure.met();
			rows.add(new String[] { figure.name, figure.unit, number(figure.oursMedian()),
					figure.baseline.isEmpty() ? "-" : number(figure.baselineMedian()),
					Double.isNaN(figure.ratio()) ? "-" : String.format("%.2f", figure.ratio()), figure.targetText(),
					(met == null) ? "-" : (met ? "yes" : "NO"), cpu(ours), cpu(baseline) });
		}
		int[] widths = new int[HEADER.length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder table = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			table.append(line(rows.get(r), widths));
			if (r == 0) {
				String[] rule = new String[HEADER.length];
				for (int i = 0; i < rule.length; i++) {
					rule[i] = "-".repeat(widths[i]);
				}
				table.append(line(rule, widths));
			}
		}
		return table.toString();
	}

	private static String line(String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder("|");
		for (int i = 0; i < cells.length; i++) {
			line.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
		}
		return line.append('\n').toString();
	}

	private static String number(double value) {
		if (!Double.isFinite(value)) {
			return "n/a";
		}
		return (Math.abs(value) >= 100) ? String.format("%.0f", value) : String.format("%.2f", value);
	}

	private static String cpu(CpuMeter.Usage usage) {
		return (usage == null) ? "-" : String.format("%.2f/%.2f/%.2f", usage.jvm(), usage.emulator(), usage.postgres());
	}

}
