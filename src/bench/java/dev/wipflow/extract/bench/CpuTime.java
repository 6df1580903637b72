package dev.wipflow.extract.bench;

import dev.wipflow.extract.FieldFiller;
import dev.wipflow.extract.Page;
import dev.wipflow.extract.ProductExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.jsoup.Jsoup;

/**
 * CPU time of one thread per extraction (and per jsoup parse), which a busy shared machine inflates far less than the
 * wall clock JMH reports. Run: {@code java -cp <test classpath> dev.wipflow.extract.bench.CpuTime [ops]}.
 */
public final class CpuTime {
    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ProductExtractor extractor = new ProductExtractor(null, FieldFiller.NONE);
        measure("typical (JSON-LD)", TypicalPage.load(), extractor, ops);
        measure("no structured data", TypicalPage.loadWithoutStructuredData(), extractor, ops);
    }

    private static void measure(String name, Page page, ProductExtractor extractor, int ops) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) extractor.extractFrom(page);
            long t1 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) Jsoup.parse(page.html(), page.finalUrl());
            long t2 = bean.getCurrentThreadCpuTime();
            System.out.printf("%s, %d KB, %s: extract %.2f ms CPU/op, jsoup parse alone %.2f ms CPU/op (%d ops)%n", name,
                    page.html().length() / 1024, round == 0 ? "warm-up" : "measured", (t1 - t0) / 1e6 / ops,
                    (t2 - t1) / 1e6 / ops, ops);
        }
    }
}
