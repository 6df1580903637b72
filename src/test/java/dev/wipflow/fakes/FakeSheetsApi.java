package dev.wipflow.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * A fake Google Sheets v4 REST API over in-memory grids: {@code spreadsheets.get} (ranges, grid data),
 * {@code spreadsheets.batchUpdate} (addSheet, updateCells, includeSpreadsheetInResponse), {@code values.batchGet},
 * {@code values.batchUpdate} and {@code values.append}. Spreadsheets must be {@link #create}d (else 404); requests
 * need a Bearer token. Errors can be injected per call number; {@link #dropAppendAnswers} applies appends and then
 * drops the connection. {@link #enforceQuota} makes it refuse calls over Google's per-minute quotas, reads (GET)
 * and writes (the rest) counted apart, as Google does. Point {@code GOOGLE_SHEETS_ROOT_URL} at {@link #start()}'s URL.
 */
public final class FakeSheetsApi extends FakeServer {
    private final Map<String, FakeGrid> spreadsheets = new LinkedHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger nextSheetId = new AtomicInteger(100);
    private volatile IntPredicate failWhen = n -> false;
    private volatile Predicate<String> tokenValid = token -> true;
    private volatile int failStatus = 429;
    private volatile int dropAppendAnswers;
    private volatile CountDownLatch holdAppends;
    private final CountDownLatch appendHeld = new CountDownLatch(1);
    private volatile int forbiddenStatus;
    private volatile int retryAfterSeconds = -1;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger quotaRefusals = new AtomicInteger();
    private final java.util.ArrayDeque<Long> readTimes = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> writeTimes = new java.util.ArrayDeque<>();
    private volatile int readLimit;
    private volatile int writeLimit;
    private volatile long windowNanos;

    public synchronized FakeSheetsApi create(String spreadsheetId) {
        spreadsheets.putIfAbsent(spreadsheetId, new FakeGrid());
        return this;
    }

    /** Adds a tab with the given header row (may lack columns, or be empty). */
    public synchronized FakeSheetsApi addTab(String spreadsheetId, String title, List<String> headers) {
        FakeGrid.Tab tab = new FakeGrid.Tab(nextSheetId.incrementAndGet(), title);
        for (int c = 0; c < headers.size(); c++) tab.set(0, c, headers.get(c));
        spreadsheets.get(spreadsheetId).tabs.put(title, tab);
        return this;
    }

    /** From now on a Bearer token must pass {@code valid} (a {@link FakeOAuth}'s), else the call answers 401. */
    public FakeSheetsApi acceptTokens(Predicate<String> valid) {
        this.tokenValid = valid;
        return this;
    }

    /** Answers {@code status} to every call whose number (1-based, all calls counted) matches. */
    public FakeSheetsApi failCalls(IntPredicate callNumber, int status) {
        this.failStatus = status;
        this.failWhen = callNumber;
        return this;
    }

    /** Injected 429s carry {@code Retry-After: seconds}. */
    public FakeSheetsApi retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The next {@code n} appends are applied, then the connection is closed without an answer. */
    public FakeSheetsApi dropAppendAnswers(int n) {
        this.dropAppendAnswers = n;
        return this;
    }

    /**
     * From now on appends are applied and their answers held back until {@link #releaseAppends} (or 60 s): the
     * caller is left waiting with its row already written, as when a process dies while Google answers.
     */
    public FakeSheetsApi holdAppendAnswers() {
        this.holdAppends = new CountDownLatch(1);
        return this;
    }

    /** Waits until an append has been applied and its answer held back; false after {@code timeout}. */
    public boolean awaitHeldAppend(Duration timeout) throws InterruptedException {
        return appendHeld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Held answers are dropped (the connection closes) and later appends answer normally. */
    public void releaseAppends() {
        CountDownLatch held = holdAppends;
        holdAppends = null;
        if (held != null) held.countDown();
    }

    /**
     * From now on at most {@code readsPerWindow} reads and {@code writesPerWindow} writes are answered in any
     * {@code window} (sliding); a call over answers 429 as Google does, and is counted in {@link #quotaRefusals}.
     * Google's quota is 60 and 60 a minute; tests scale the window down.
     */
    public synchronized FakeSheetsApi enforceQuota(int readsPerWindow, int writesPerWindow, Duration window) {
        this.readLimit = readsPerWindow;
        this.writeLimit = writesPerWindow;
        this.windowNanos = window.toNanos();
        readTimes.clear();
        writeTimes.clear();
        return this;
    }

    /** Calls refused because they were over the quota of {@link #enforceQuota}. */
    public int quotaRefusals() {
        return quotaRefusals.get();
    }

    /** Read calls (GET) answered or refused so far. */
    public int reads() {
        return reads.get();
    }

    /** Write calls (POST: batchUpdate, values.batchUpdate, append) answered or refused so far. */
    public int writes() {
        return writes.get();
    }

    /** The most reads and writes seen in any one window so far (sliding), once {@link #enforceQuota} is on. */
    public synchronized int[] busiestWindow() {
        return new int[] {busiestReads, busiestWrites};
    }

    private int busiestReads;
    private int busiestWrites;

    /** True when the call is within its quota (and counts it); false when it must be refused. */
    private synchronized boolean withinQuota(boolean read) {
        (read ? reads : writes).incrementAndGet();
        if (windowNanos == 0) return true;
        java.util.ArrayDeque<Long> times = read ? readTimes : writeTimes;
        long now = System.nanoTime();
        while (!times.isEmpty() && times.peekFirst() <= now - windowNanos) times.removeFirst();
        if (times.size() >= (read ? readLimit : writeLimit)) {
            quotaRefusals.incrementAndGet();
            return false;
        }
        times.addLast(now);
        if (read) busiestReads = Math.max(busiestReads, times.size()); else busiestWrites = Math.max(busiestWrites, times.size());
        return true;
    }

    /** Every call answers 403 (not shared with the service account). */
    public FakeSheetsApi forbidAll() {
        this.forbiddenStatus = 403;
        return this;
    }

    /** API calls received (token requests are the {@link FakeOAuth}'s). */
    public int calls() {
        return calls.get();
    }

    /** A copy of the tab's rows, header first; empty when there is no such tab. */
    public synchronized List<List<String>> rows(String spreadsheetId, String tab) {
        FakeGrid.Tab t = spreadsheets.get(spreadsheetId).tabs.get(tab);
        List<List<String>> out = new ArrayList<>();
        if (t != null) t.rows.forEach(r -> out.add(List.copyOf(r)));
        return out;
    }

    /** Sets one cell (zero-based), e.g. to play a user or the Apps Script cleaner. */
    public synchronized void setCell(String spreadsheetId, String tab, int row, int col, String value) {
        spreadsheets.get(spreadsheetId).tabs.get(tab).set(row, col, value);
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        int n = calls.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            error(ex, 401, "Request is missing required authentication credential.", "UNAUTHENTICATED");
            return;
        }
        if (!tokenValid.test(auth.substring("Bearer ".length()))) {
            error(ex, 401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie"
                    + " or other valid authentication credential.", "UNAUTHENTICATED");
            return;
        }
        if (forbiddenStatus != 0) {
            error(ex, forbiddenStatus, "The caller does not have permission", "PERMISSION_DENIED");
            return;
        }
        if (!withinQuota(ex.getRequestMethod().equals("GET"))) {
            error(ex, 429, "Quota exceeded for quota metric '" + (ex.getRequestMethod().equals("GET") ? "Read" : "Write")
                    + " requests' and limit '" + (ex.getRequestMethod().equals("GET") ? "Read" : "Write")
                    + " requests per minute per user' of service 'sheets.googleapis.com'", "RESOURCE_EXHAUSTED");
            return;
        }
        if (failWhen.test(n)) {
            if (retryAfterSeconds >= 0) ex.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
            error(ex, failStatus, failStatus == 429 ? "Quota exceeded for quota metric 'Requests' of service"
                    + " 'sheets.googleapis.com'" : "The service is currently unavailable.", "RESOURCE_EXHAUSTED");
            return;
        }
        String path = ex.getRequestURI().getPath();
        String rest = path.substring(path.indexOf("/v4/spreadsheets/") + "/v4/spreadsheets/".length());
        String id = rest.split("[/:]", 2)[0];
        CountDownLatch held = null;
        synchronized (this) {
            FakeGrid grid = spreadsheets.get(id);
            if (grid == null) {
                error(ex, 404, "Requested entity was not found.", "NOT_FOUND");
                return;
            }
            String op = rest.substring(id.length());
            SheetsOps ops = new SheetsOps(grid, nextSheetId);
            Object answer;
            if (op.isEmpty() && ex.getRequestMethod().equals("GET")) {
                answer = ops.get(id, query(ex).getOrDefault("ranges", List.of()));
            } else if (op.equals(":batchUpdate")) {
                answer = ops.batchUpdate(id, body(ex));
            } else if (op.equals("/values:batchGet")) {
                answer = ops.batchGet(id, query(ex).getOrDefault("ranges", List.of()));
            } else if (op.equals("/values:batchUpdate")) {
                answer = ops.valuesBatchUpdate(id, body(ex));
            } else if (op.startsWith("/values/") && op.endsWith(":append")) {
                answer = ops.append(id, op.substring(8, op.length() - 7), body(ex));
                if (answer != null && dropAppendAnswers > 0) {
                    dropAppendAnswers--;
                    return;
                }
                if (answer != null && holdAppends != null) {
                    held = holdAppends;
                    appendHeld.countDown();
                }
            } else {
                error(ex, 404, "unknown method " + op, "NOT_FOUND");
                return;
            }
            if (held == null) {
                if (answer instanceof SheetsOps.Failure f) {
                    error(ex, 400, f.message(), "INVALID_ARGUMENT");
                } else {
                    send(ex, 200, answer);
                }
                return;
            }
        }
        try {
            held.await(60, TimeUnit.SECONDS); // outside the lock: other calls go on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ex.close();
    }

    private static void error(HttpExchange ex, int code, String message, String status) throws IOException {
        send(ex, code, Map.of("error", Map.of("code", code, "message", message, "status", status)));
    }
}
