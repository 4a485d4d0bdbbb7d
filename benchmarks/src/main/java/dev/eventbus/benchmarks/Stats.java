package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles. */
final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		return percentile(values, 50);
	}

	/**
	 * The nearest-rank percentile.
	 * @param values the values (any order)
	 * @param percent 0 to 100
	 * @return the percentile, NaN when there are no values
	 */
	static double percentile(List<? extends Number> values, double percent) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values.size());
		values.forEach((value) -> sorted.add(value.doubleValue()));
		Collections.sort(sorted);
		if (percent == 50 && sorted.size() % 2 == 0) {
			int upper = sorted.size() / 2;
			return (sorted.get(upper - 1) + sorted.get(upper)) / 2;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

}
