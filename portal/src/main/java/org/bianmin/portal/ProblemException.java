package org.bianmin.portal;

import org.bianmin.protocol.api.Problem;
import org.bianmin.protocol.api.ProblemType;

/** Ends a request with a problem-details answer; {@code retryAfterSeconds} > 0 adds a Retry-After header. */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
