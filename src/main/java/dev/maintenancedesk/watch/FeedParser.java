package dev.maintenancedesk.watch;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom through Rome, leniently (its XML healer on, the encoding guessed from the
 * prolog and the bytes, no DOCTYPE). An entry's identity is its guid/id, else its link, else its title.
 */
final class FeedParser {

    private FeedParser() {
    }

    static List<Item> parse(byte[] body, Instant fetchedAt) throws SourceHttp.Failure {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setXmlHealerOn(true);
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(body), true));
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new SourceHttp.Failure("notFeed", "not an RSS or Atom feed (" + Texts.clip(m, 200) + ")", Texts.clip(m, 200));
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String title = Texts.plain(e.getTitle(), 500);
            String guid = first(e.getUri(), e.getLink(), title);
            if (guid == null || guid.isBlank()) {
                continue;
            }
            SyndContent description = e.getDescription();
            String summary = description != null ? description.getValue()
                    : e.getContents().isEmpty() ? null : e.getContents().getFirst().getValue();
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            items.add(new Item(Texts.clip(guid.strip(), 1000), title == null || title.isBlank() ? guid : title,
                    Texts.clip(e.getLink(), 2000), Texts.plain(summary, 500),
                    date == null ? fetchedAt : date.toInstant(), null));
        }
        return items;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
