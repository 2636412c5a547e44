package io.livedrop.common.peer;

/** The peer answered and said no (a 4xx with a problem code): a business outcome, not an outage. */
public class PeerRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public PeerRejectedException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The problem's {@code code}, or null if the body had none. */
    public String code() {
        return code;
    }
}
