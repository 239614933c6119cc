package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.berth.runner.event.ScaleDecision;

import java.util.List;

/// The JSON of `GET /admin/berth/scale`: decisions oldest first, each with its rules' readings. Stateless.
final class ScaleJson {
    private ScaleJson() {}

    static ArrayNode decisions(ObjectMapper json, List<ScaleDecision> decisions) {
        var list = json.createArrayNode();
        for (var d : decisions) {
            var node = list.addObject();
            node.put("at", d.at().toString());
            node.put("revision", d.revision());
            node.put("current", d.current());
            node.put("desired", d.desired());
            node.put("winner", d.winner());
            node.put("reason", d.reason());
            var rules = node.putArray("rules");
            for (var r : d.rules()) {
                rules.addObject().put("rule", r.rule()).put("type", r.type()).put("metric", r.metric())
                        .put("target", r.target()).put("proposal", r.proposal()).put("active", r.active());
            }
        }
        return list;
    }
}
