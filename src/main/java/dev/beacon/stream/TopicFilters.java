package dev.beacon.stream;

import dev.beacon.hub.HubEvent;
import dev.beacon.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/** The registry of {@link TopicFilter}s: turns a subscription's query parameters into one predicate. */
@ApplicationScoped
public class TopicFilters {

    @Inject
    Instance<TopicFilter> filters;

    /**
     * Every filter named in the query, each applied to the events of its own topic; query parameters that name no
     * filter are left alone. A filter named for topics it does not serve, or given twice, is a 400.
     */
    public Predicate<HubEvent> of(Collection<String> topics, MultivaluedMap<String, String> query) {
        Predicate<HubEvent> result = event -> true;
        for (String parameter : query.keySet()) {
            List<TopicFilter> named = named(parameter);
            if (named.isEmpty()) {
                continue;
            }
            List<String> values = query.get(parameter);
            if (values.size() != 1) {
                throw ProblemException.badRequest("Give " + parameter + " once, as a comma-separated list");
            }
            result = result.and(forTopics(named, topics, parameter, values.get(0)));
        }
        return result;
    }

    private Predicate<HubEvent> forTopics(List<TopicFilter> named, Collection<String> topics, String parameter,
                                          String value) {
        Predicate<HubEvent> result = null;
        for (TopicFilter filter : named) {
            if (topics.contains(filter.topic())) {
                Predicate<HubEvent> test = filter.parse(value);
                Predicate<HubEvent> scoped = event -> !event.topic().equals(filter.topic()) || test.test(event);
                result = result == null ? scoped : result.and(scoped);
            }
        }
        if (result == null) {
            throw ProblemException.badRequest("'" + parameter + "' filters the topic(s) "
                    + named.stream().map(TopicFilter::topic).toList() + ", which this subscription does not name");
        }
        return result;
    }

    private List<TopicFilter> named(String parameter) {
        List<TopicFilter> named = new ArrayList<>();
        for (TopicFilter filter : filters) {
            if (filter.parameter().equals(parameter)) {
                named.add(filter);
            }
        }
        return named;
    }
}
