package io.reelfm.ingest.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.testkit.SharedKafka;

/**
 * Runs {@link IngestLoad} against an ingest service and embedded KRaft broker in this JVM: one
 * {@code --warmups} full-size warm-up runs (default 2), then {@code --runs} measured runs (default 5), printing each and the median throughput.
 * Accepts IngestLoad's options plus those two. Not a test: run it by hand (see
 * docs/benchmarks.md for the command).
 */
public final class EmbeddedIngestBenchmark {

    private EmbeddedIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        int warmups = 2;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--warmups")) {
                warmups = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        try (IngestService service = IngestService.start(IngestConfig.builder().port(0)
                .bootstrapServers(SharedKafka.bootstrapServers()).build())) {
            URI uri = URI.create("http://localhost:" + service.port());
            IngestLoad.Options options = IngestLoad.parse(rest.toArray(String[]::new), IngestLoad.Options.defaults(uri));
            System.out.println("options: events=" + options.events() + " batch=" + options.batchSize()
                    + " concurrency=" + options.concurrency() + " format=" + (options.ndjson() ? "ndjson" : "json"));
            for (int w = 0; w < warmups; w++) {
                System.out.println("warm-up " + (w + 1) + ": " + IngestLoad.run(withRun(options, options.events())).summary());
            }
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                IngestLoad.Result result = IngestLoad.run(withRun(options, options.events()));
                rates[r] = result.eventsPerSecond();
                System.out.println("run " + (r + 1) + ": " + result.summary());
            }
            java.util.Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "median of %d runs: %.0f events/s%n", runs, rates[runs / 2]);
        }
        System.exit(0);
    }

    private static IngestLoad.Options withRun(IngestLoad.Options o, long events) {
        return new IngestLoad.Options(o.baseUri(), events, o.batchSize(), o.concurrency(), o.users(), o.items(), o.seed(),
                o.ndjson(), UUID.randomUUID().toString().substring(0, 8));
    }
}
