package dev.wipflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.TestDatabase;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.JobResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job completes when its last results are recorded, however they arrive: two callers recording a job's last two
 * products at the same moment each see the other's result, so the job is {@code completed} with its webhook due,
 * not left {@code running} with every result in; one left so by an earlier wipflow is completed when settled.
 */
class JobStoreTest {
    @TempDir
    Path dir;

    @Test
    void two_callers_recording_a_jobs_last_two_results_at_once_complete_it() throws Exception {
        int jobsTried = 60;
        try (Database db = Database.open(TestDatabase.url(dir))) {
            JobStore jobs = new JobStore(db.sql(), Clock.systemUTC(), true);
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                List<String> notCompleted = new ArrayList<>();
                for (int n = 0; n < jobsTried; n++) {
                    Job job = jobs.create("c", List.of(1L, 2L), true);
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<?>> recording = new ArrayList<>();
                    for (long wip = 1; wip <= 2; wip++) {
                        long id = wip;
                        recording.add(callers.submit(() -> {
                            together.await();
                            jobs.record(job.jobId(), new JobResult(id, "SKU-" + id, (int) id + 1, true, List.of("title"), 0.1, null));
                            return null;
                        }));
                    }
                    for (Future<?> f : recording) f.get();
                    Job after = jobs.get("c", job.jobId()).orElseThrow();
                    assertThat(after.results()).hasSize(2);
                    if (!"completed".equals(after.status())) notCompleted.add(job.jobId() + " " + after.status());
                }
                assertThat(notCompleted).as("jobs left unfinished with both results recorded").isEmpty();
                assertThat(jobs.webhooksToSend("c", 5, 1000)).as("each completed job's webhook is due").hasSize(jobsTried);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void settling_completes_a_job_left_running_with_every_result_in_and_leaves_an_unfinished_one_running() {
        try (Database db = Database.open(TestDatabase.url(dir))) {
            JobStore jobs = new JobStore(db.sql(), Clock.systemUTC(), true);
            Job stuck = jobs.create("c", List.of(1L, 2L), true);
            Job unfinished = jobs.create("c", List.of(1L, 2L), true);
            for (long id = 1; id <= 2; id++) jobs.record(stuck.jobId(), new JobResult(id, "SKU-" + id, null, true, List.of(), 0.1, null));
            jobs.record(unfinished.jobId(), new JobResult(1, "SKU-1", null, true, List.of(), 0.1, null));
            db.sql().useHandle(h -> h.createUpdate("UPDATE jobs SET status = 'running', completed_at = NULL, webhook_state = NULL"
                    + " WHERE job_id = :j").bind("j", stuck.jobId()).execute());

            jobs.settle(stuck.jobId());
            jobs.settle(unfinished.jobId());

            Job settled = jobs.get("c", stuck.jobId()).orElseThrow();
            assertThat(settled.status()).isEqualTo("completed");
            assertThat(settled.completedAt()).isNotNull();
            assertThat(jobs.get("c", unfinished.jobId()).orElseThrow().status()).isEqualTo("running");
            assertThat(jobs.webhooksToSend("c", 5, 10)).containsExactly(stuck.jobId());
        }
    }
}
