package io.reelfm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.ingest.replay.RateLimit;
import io.reelfm.launcher.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class ReelFmCommandLineTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ReelFm.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static ParseResult parse(String... args) {
        return ReelFm.commandLine().parseArgs(args);
    }

    @Test
    void replayRateAcceptsEventsPerSecondAndMax() {
        ParseResult paced = parse("replay", "--synthetic", "--rate", "500/s");
        assertThat(paced.subcommand().matchedOptionValue("--rate", RateLimit.MAX)).isEqualTo(new RateLimit(500));
        ParseResult max = parse("replay", "--synthetic", "--rate", "max");
        assertThat(max.subcommand().matchedOptionValue("--rate", new RateLimit(1)).isMax()).isTrue();
    }

    @Test
    void replayRateDefaultsToMax() {
        ParseResult r = parse("replay", "--synthetic");
        RateLimit rate = r.subcommand().commandSpec().findOption("--rate").getValue();
        assertThat(rate.isMax()).isTrue();
    }

    @Test
    void badRateIsAUsageErrorNamingTheOption() {
        Run r = run("replay", "--synthetic", "--rate", "fast");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--rate'").contains("'fast' is not a rate").contains("500/s");
    }

    @Test
    void rateAndSpeedupTogetherAreRejected() {
        Run r = run("replay", "--synthetic", "--rate", "500/s", "--speedup", "60", "--bootstrap-servers", "localhost:1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--speedup and --rate 500/s cannot be combined");
    }

    @Test
    void nonPositiveSpeedupIsRejectedNamingTheOption() {
        Run r = run("replay", "--synthetic", "--speedup", "-2", "--bootstrap-servers", "localhost:1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--speedup must be a positive number");
    }

    @Test
    void replayWithoutADataSetSaysWhichOptionsToUse() {
        Run r = run("replay", "--bootstrap-servers", "localhost:1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--data DIR").contains("--synthetic");
    }

    @Test
    void replayOfADirectoryWithoutMovieLensNamesTheOptionAndTheFiles(@TempDir Path empty) {
        Run r = run("replay", "--data", empty.toString(), "--bootstrap-servers", "localhost:1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--data " + empty).contains("u.data, u.item, u.user").contains("ratings.dat");
    }

    @Test
    void unknownCompressionIsRejectedNamingTheOption() {
        Run r = run("replay", "--synthetic", "--compression", "brotli");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--compression must be one of");
    }

    @Test
    void demoHelpDocumentsEveryOption() {
        Run r = run("demo", "--help");
        assertThat(r.exitCode()).isZero();
        CommandLine demo = ReelFm.commandLine().getSubcommands().get("demo");
        assertThat((Object) demo.getCommand()).isInstanceOf(DemoCommand.class);
        demo.getCommandSpec().options().forEach(o -> assertThat(r.out()).contains(o.longestName()));
        assertThat(r.out()).contains("--kafka-port", "--kafka-dir", "--data", "--rate", "--speedup", "default: 9092");
    }

    @Test
    void demoPortsDefaultToTheDocumentedOnes() {
        ParseResult r = parse("demo");
        var spec = r.subcommand().commandSpec();
        assertThat((Object) spec.findOption("--kafka-port").getValue()).isEqualTo(9092);
        assertThat((Object) spec.findOption("--ingest-port").getValue()).isEqualTo(8081);
        assertThat((Object) spec.findOption("--trainer-port").getValue()).isEqualTo(8082);
        assertThat((Object) spec.findOption("--serving-port").getValue()).isEqualTo(8080);
    }

    @Test
    void demoRejectsAnOutOfRangePortBeforeStartingAnything() {
        Run r = run("demo", "--kafka-port", "70000", "--synthetic");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--kafka-port must be 0..65535, was 70000");
    }

    @Test
    void brokerListensOnTheDemoKafkaPortByDefault() {
        ParseResult r = parse("broker");
        assertThat((Object) r.subcommand().commandSpec().findOption("--port").getValue()).isEqualTo(9092);
    }

    @Test
    void brokerRejectsAnOutOfRangePortBeforeStarting() {
        Run r = run("broker", "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--port must be 0..65535, was 70000");
    }

    @Test
    void downloadOfAnUnknownDataSetListsTheKnownNames(@TempDir Path cache) {
        Run r = run("data", "download", "netflix-prize", "--cache-dir", cache.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown data set 'netflix-prize'")
                .contains("movielens-100k, movielens-1m, movielens-latest-small, movielens-25m");
    }

    @Test
    void downloadHelpListsImdbWithItsTerms() {
        Run r = run("data", "download", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")) // unwrapped
                .contains("movielens-100k, movielens-1m, movielens-latest-small, movielens-25m, imdb")
                .contains("imdb: IMDb's non-commercial datasets: for personal and non-commercial use only,"
                        + " subject to IMDb's terms at https://developer.imdb.com/non-commercial-datasets/")
                .contains("SHA-256");
    }

    @Test
    void downloadOfImdbFilesMatchingTheirManifestSaysTheyArePresentWithoutTheNetwork(@TempDir Path cache) throws Exception {
        Path dir = java.nio.file.Files.createDirectories(cache.resolve("imdb"));
        StringBuilder manifest = new StringBuilder("# test manifest\n");
        for (String name : new String[] {"title.basics.tsv.gz", "title.akas.tsv.gz", "title.ratings.tsv.gz"}) {
            byte[] bytes = new byte[600];
            java.util.Arrays.fill(bytes, (byte) name.length());
            java.nio.file.Files.write(dir.resolve(name), bytes);
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            manifest.append(sha).append("  600  ").append(name).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("MANIFEST"), manifest);

        Run r = run("data", "download", "imdb", "--cache-dir", cache.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("imdb is already in " + dir + " (3 files, 1.8 KiB in total, sizes and SHA-256 matching MANIFEST)");
        assertThat(r.out()).doesNotContain("Terms:");
    }

    @Test
    void aFailingCommandPrintsItsMessageAndCausesAndExitsOne() {
        StringWriter err = new StringWriter();
        CommandLine cl = ReelFm.commandLine();
        cl.addSubcommand("fail", CommandLine.Model.CommandSpec.wrapWithoutInspection((java.util.concurrent.Callable<Integer>) () -> {
            throw new IllegalStateException("Cannot reach Kafka at localhost:1",
                    new java.util.concurrent.TimeoutException("timed out after 30000 ms"));
        }));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("fail");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("reelfm fail failed: Cannot reach Kafka at localhost:1")
                .contains("caused by TimeoutException: timed out after 30000 ms")
                .doesNotContain("\tat ");
    }

    @Test
    void serviceCommandsTakePortAndBrokerOverridesOverTheEnvironment() {
        for (String service : new String[] {"ingest", "trainer", "serving"}) {
            ParseResult r = parse(service, "--port", "18000", "--bootstrap-servers", "kafka:19092");
            assertThat(r.subcommand().matchedOptionValue("--port", 0)).isEqualTo(18000);
            assertThat(r.subcommand().matchedOptionValue("--bootstrap-servers", "")).isEqualTo("kafka:19092");
        }
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("demo", "replay", "data", "ingest", "trainer", "serving", "broker", "bench");
    }
}
