package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rounds of a figure: warm-up rounds first (run, not counted), then the counted ones; within
 * each round the sides (ours and the baselines) run one after the other, in reverse order every
 * other round, so that neither side always runs first.
 */
final class Rounds {

	/** One side of a round. */
	@FunctionalInterface
	interface Side {

		/**
		 * Runs the side once.
		 * @param round the round, from 0
		 * @param counted whether the round counts (false in the warm-up)
		 */
		void run(int round, boolean counted);

	}

	private Rounds() {
	}

	/**
	 * Runs the rounds.
	 * @param warmup rounds not counted
	 * @param total all rounds, warm-up included
	 * @param sides the sides of each round, in the order of round 0
	 */
	static void alternate(int warmup, int total, List<Side> sides) {
		for (int round = 0; round < total; round++) {
			List<Side> order = new ArrayList<>(sides);
			if (round % 2 == 1) {
				Collections.reverse(order);
			}
			for (Side side : order) {
				side.run(round, round >= warmup);
			}
		}
	}

}
