package io.reelfm.launcher.demo;

/** The "ready" message: what runs where, so a user can start clicking right away. */
final class Banner {

    private Banner() {
    }

    static String render(Demo demo, String dataDescription) {
        StringBuilder b = new StringBuilder();
        String rule = "=".repeat(72);
        b.append(rule).append('\n');
        b.append(" ReelFM demo is ready\n");
        b.append(rule).append('\n');
        b.append(String.format(" %-10s %s%n", "kafka", demo.bootstrapServers()));
        for (Demo.Started s : demo.components()) {
            b.append(String.format(" %-10s %s   (health: %s/health/ready)%n", s.name(), s.running().url(), s.running().url()));
        }
        demo.components().stream().filter(s -> s.name().equals("serving")).findFirst().ifPresent(s ->
                b.append(" web page   ").append(s.running().url()).append("/   (search, rate, recommendations, charts)\n"));
        b.append(" data       ").append(dataDescription).append('\n');
        String key = demo.apiKey().orElse("<one of REELFM_API_KEYS>");
        b.append(" api key    ").append(demo.apiKey().orElse("as set in REELFM_API_KEYS"))
                .append("   (needed to write ratings and to roll back or retrain)\n");
        demo.components().stream().filter(s -> s.name().equals("ingest")).findFirst().ifPresent(s ->
                b.append(" try        curl -X POST ").append(s.running().url())
                        .append("/ratings -H 'Content-Type: application/json' \\\n")
                        .append("              -H 'Authorization: Bearer ").append(key).append("' \\\n")
                        .append("              -d '{\"userId\":\"42\",\"itemId\":\"50\",\"rating\":4.5}'\n"));
        demo.components().stream().filter(s -> s.name().equals("trainer")).findFirst().ifPresent(s ->
                b.append(" models     curl ").append(s.running().url()).append("/status\n"));
        demo.components().stream().filter(s -> s.name().equals("serving")).findFirst().ifPresent(s ->
                b.append(" recommend  curl ").append(s.running().url()).append("/users/42/recommendations\n")
                        .append("            (503 until the trainer has published its first model)\n"));
        b.append(" stop       Ctrl-C\n");
        b.append(rule).append('\n');
        return b.toString();
    }
}
