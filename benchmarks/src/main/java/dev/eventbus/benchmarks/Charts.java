package dev.eventbus.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a run, as PNG files: latency by percentile (ours beside the baselines) and the
 * backlog over time.
 */
final class Charts {

	private static final int WIDTH = 900;

	private static final int HEIGHT = 500;

	/** Points per latency curve: enough for a smooth line, few enough for a small file. */
	private static final int POINTS = 400;

	/**
	 * The lowest latency drawn, in ms. Ours is timed from {@code afterCommit}; a thread descheduled
	 * between the commit and that callback makes a sample too small, even negative: such samples
	 * are drawn here instead of stretching the log axis.
	 */
	private static final double FLOOR_MS = 0.01;

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private Charts() {
	}

	/**
	 * Latency by percentile: the x axis is spaced by nines (0, 90, 99, 99.9 % equally apart), so
	 * the tail is as readable as the median; the y axis is logarithmic.
	 * @param file the PNG to write
	 * @param title the title
	 * @param nanosBySeries latency samples in nanoseconds, by series name
	 * @throws IOException when the file cannot be written
	 */
	static void latency(Path file, String title, Map<String, List<Long>> nanosBySeries) throws IOException {
		XYSeriesCollection data = new XYSeriesCollection();
		double widest = 1;
		double lowest = Double.MAX_VALUE;
		double highest = FLOOR_MS;
		for (Map.Entry<String, List<Long>> entry : nanosBySeries.entrySet()) {
			long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
			if (sorted.length == 0) {
				continue;
			}
			XYSeries series = new XYSeries(entry.getKey() + " (" + sorted.length + " samples)");
			double nines = Math.log10(sorted.length);
			widest = Math.max(widest, nines);
			for (int k = 0; k <= POINTS; k++) {
				double x = nines * k / POINTS;
				double fraction = 1 - Math.pow(10, -x);
				int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
				double ms = Math.max(sorted[index] / 1e6, FLOOR_MS);
				lowest = Math.min(lowest, ms);
				highest = Math.max(highest, ms);
				series.add(x, ms);
			}
			data.addSeries(series);
		}
		JFreeChart chart = ChartFactory.createXYLineChart(title, "percentile", "latency (ms, log scale)", data,
				PlotOrientation.VERTICAL, true, false, false);
		XYPlot plot = style(chart);
		NumberAxis percentiles = (NumberAxis) plot.getDomainAxis();
		percentiles.setTickUnit(new NumberTickUnit(1, new NinesFormat()));
		percentiles.setRange(0, widest);
		LogAxis milliseconds = new LogAxis("latency (ms, log scale)");
		milliseconds.setNumberFormatOverride(new DecimalFormat("0.###"));
		milliseconds.setRange(Math.min(lowest, highest) / 1.5, highest * 1.5);
		milliseconds.setTickUnit(new NumberTickUnit(1));
		milliseconds.setMinorTickCount(9);
		milliseconds.setMinorTickMarksVisible(true);
		plot.setRangeAxis(milliseconds);
		write(file, chart);
	}

	/**
	 * A count over time, with a marker where the load stopped.
	 * @param file the PNG to write
	 * @param title the title
	 * @param yLabel what is counted
	 * @param pointsBySeries (seconds, count) points by series name
	 * @param loadStopped seconds at which the load stopped
	 * @throws IOException when the file cannot be written
	 */
	static void overTime(Path file, String title, String yLabel, Map<String, List<double[]>> pointsBySeries,
			double loadStopped) throws IOException {
		XYSeriesCollection data = new XYSeriesCollection();
		pointsBySeries.forEach((name, points) -> {
			XYSeries series = new XYSeries(name);
			points.forEach((point) -> series.add(point[0], point[1]));
			data.addSeries(series);
		});
		JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds", yLabel, data, PlotOrientation.VERTICAL,
				true, false, false);
		XYPlot plot = style(chart);
		((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		ValueMarker marker = new ValueMarker(loadStopped, Color.DARK_GRAY, new BasicStroke(1f));
		marker.setLabel("load stops");
		plot.addDomainMarker(marker);
		write(file, chart);
	}

	private static XYPlot style(JFreeChart chart) {
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
			plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
		}
		return plot;
	}

	private static void write(Path file, JFreeChart chart) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
	}

	/** Labels the nines axis: x stands for the percentile {@code 100 * (1 - 10^-x)}. */
	private static final class NinesFormat extends NumberFormat {

		private static final DecimalFormat PERCENT = new DecimalFormat("0.###");

		@Override
		public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
			return toAppendTo.append(PERCENT.format(100 * (1 - Math.pow(10, -number))));
		}

		@Override
		public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
			return format((double) number, toAppendTo, pos);
		}

		@Override
		public Number parse(String source, ParsePosition parsePosition) {
			throw new UnsupportedOperationException("Labels only");
		}

	}

}
