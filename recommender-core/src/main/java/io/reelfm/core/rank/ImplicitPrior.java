package io.reelfm.core.rank;

/**
 * The weighting and regularisation an implicit ranking model is trained and folded in under
 * (Rendle et al. 2021, "Revisiting the performance of iALS on item recommendation benchmarks"):
 * <pre>
 *   L = sum_{(u,i) observed} c_ui (s_ui - 1)^2 + a0 * sum_{all u,i} s_ui^2
 *       + reg * sum_u (n_u + a0 * |I|)^nu |w_u|^2 + reg * sum_i (n_i + a0 * |U|)^nu |h_i|^2
 * </pre>
 * with {@code s_ui = <w_u, h_i>}. Every unobserved cell pulls the score toward 0 with weight a0,
 * so the Gramian of the other side stands in for the whole catalogue; the ridge grows with how
 * much a row is constrained, which is what lets one regularisation value fit both rare and
 * frequent users. The same object travels in the snapshot, so serving solves exactly the
 * trainer's problem for a user it never saw.
 *
 * @param reg              regularisation scale (lambda)
 * @param unobservedWeight a0, the weight of every unobserved user-item cell
 * @param exponent         nu, how the ridge scales with a row's constraint count (1 = linearly)
 */
public record ImplicitPrior(double reg, double unobservedWeight, double exponent) {

    public ImplicitPrior {
        if (!(reg > 0) || !Double.isFinite(reg)) {
            throw new IllegalArgumentException("reg must be > 0, got " + reg);
        }
        if (!(unobservedWeight > 0) || !Double.isFinite(unobservedWeight)) {
            throw new IllegalArgumentException("unobservedWeight must be > 0, got " + unobservedWeight);
        }
        if (!(exponent >= 0) || exponent > 2) {
            throw new IllegalArgumentException("exponent must be in 0..2, got " + exponent);
        }
    }

    /** The ridge of a row with {@code count} interactions against {@code otherSide} rows of the other side. */
    public double ridge(int count, int otherSide) {
        return reg * Math.pow(count + unobservedWeight * otherSide, exponent);
    }
}
