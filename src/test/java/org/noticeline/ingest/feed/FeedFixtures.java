package org.noticeline.ingest.feed;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.noticeline.outbound.LocalHttpServer;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/** Feeds, pages and admin calls shared by the feed tests; the feeds link to pages on the same local server. */
final class FeedFixtures {

    static final String ADMIN = "Bearer test-admin-secret";

    /** One entry of a test feed; a {@code link} starting with "/" is a page of the local server. */
    record Item(String id, String title, String link, String published, String summary) {
        String url(LocalHttpServer server) {
            return link.startsWith("/") ? server.url(link) : link;
        }
    }

    private FeedFixtures() {
    }

    static String atom(LocalHttpServer server, Item... items) {
        String entries = Stream.of(items).map(i -> "<entry><id>" + xml(i.id()) + "</id><title>" + xml(i.title()) + "</title>"
                + "<link rel=\"alternate\" href=\"" + xml(i.url(server)) + "\"/>"
                + (i.published() == null ? "" : "<published>" + i.published() + "</published><updated>" + i.published() + "</updated>")
                + (i.summary() == null ? "" : "<summary type=\"html\">" + xml(i.summary()) + "</summary>")
                + "</entry>").collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Test feed</title>"
                + "<id>urn:test-feed</id><updated>2031-01-01T00:00:00Z</updated>\n" + entries + "\n</feed>";
    }

    static String rss(LocalHttpServer server, Item... items) {
        String entries = Stream.of(items).map(i -> "<item><title>" + xml(i.title()) + "</title><link>" + xml(i.url(server)) + "</link>"
                + "<guid isPermaLink=\"false\">" + xml(i.id()) + "</guid>"
                + (i.published() == null ? "" : "<pubDate>" + i.published() + "</pubDate>")
                + (i.summary() == null ? "" : "<description>" + xml(i.summary()) + "</description>")
                + "</item>").collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Test feed</title>"
                + "<link>" + server.url("/") + "</link><description>Test</description>\n" + entries + "\n</channel></rss>";
    }

    static String json(LocalHttpServer server, Item... items) {
        return Stream.of(items).map(i -> {
            StringBuilder o = new StringBuilder("{\"id\": \"" + i.id() + "\"");
            if (i.title() != null) {
                o.append(", \"title\": \"").append(i.title()).append('"');
            }
            if (i.link() != null) {
                o.append(", \"url\": \"").append(i.url(server)).append('"');
            }
            if (i.published() != null) {
                o.append(", \"published\": \"").append(i.published()).append('"');
            }
            if (i.summary() != null) {
                o.append(", \"summary\": \"").append(i.summary()).append('"');
            }
            return o.append('}').toString();
        }).collect(Collectors.joining(",\n", "[", "]"));
    }

    /** An official page: site chrome around a {@code <main>} with a heading and paragraphs. */
    static String page(String heading, String... paragraphs) {
        String body = Stream.of(paragraphs).map(p -> "<p>" + p + "</p>").collect(Collectors.joining("\n"));
        return "<!DOCTYPE html><html><head><title>" + heading + " | Regulator</title><style>main { color: #111 }</style></head><body>"
                + "<header><a href=\"/\">Regulator</a> <form><input name=q><button>Search</button></form></header>"
                + "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/about\">About</a></li></ul></nav>"
                + "<main><h1>" + heading + "</h1>\n" + body + "\n<script>analytics('page');</script></main>"
                + "<footer>© Regulator. Cookies.</footer></body></html>";
    }

    static void createSource(LocalHttpServer server, String id, String format, String path, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "authority", "ofcom", "url", server.url(path), "format", format,
                "interval", "1h"));
        body.putAll(extra);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/admin/sources").then().statusCode(201);
    }

    static JsonPath poll(String sourceId) {
        return given().header("Authorization", ADMIN).post("/api/admin/sources/" + sourceId + "/poll").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A notice as an editor reads it: feed entries are drafts, which only token holders see. */
    static JsonPath notice(String slug) {
        return given().header("Authorization", "Bearer test-admin-secret").get("/api/notices/" + slug).then().statusCode(200).extract().jsonPath();
    }

    /** The source as {@code GET /api/admin/sources} shows it. */
    static JsonPath source(String id) {
        JsonPath all = given().header("Authorization", ADMIN).get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        int index = all.getList("id", String.class).indexOf(id);
        if (index < 0) {
            throw new AssertionError("no source " + id);
        }
        return new JsonPath(all.prettify()).setRootPath("[" + index + "]");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
