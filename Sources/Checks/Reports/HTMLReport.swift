import Corpus

/// The HTML report: one self-contained page (inline style and script, no external resources) that a project manager
/// can send around. It lists the findings with the source and target of each (the flagged span marked), filters
/// them by category, severity and text, and shows the name-variant groups with counts. Without JavaScript every
/// finding is shown. A filter can be given in the address, to send a link to part of the report:
/// `report.html#category=number,glossary&severity=error&q=Тръмп`.
public enum HTMLReport {
    public static func render(_ report: CheckReport, title: String = "prevod check report") -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="prevod">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>

            """
        out += "<header><h1>\(escape(title))</h1>\n<p id=\"summary\">\(escape(summaryLine(report)))</p>\n"
        if !report.inputs.isEmpty {
            out += "<p class=\"inputs\">Inputs: \(report.inputs.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))"
            if !report.glossaries.isEmpty {
                out += " · glossary: \(report.glossaries.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))"
            }
            out += "</p>\n"
        }
        out += "</header>\n"
        out += overview(report)
        out += nameGroups(report)
        out += filters(report)
        out += findingsTable(report)
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static func summaryLine(_ report: CheckReport) -> String {
        let kind = report.documents.contains(where: \.isBitext) ? "aligned pairs" : "segments"
        return "\(report.documents.count) documents, \(report.unitCount) \(kind): \(TextReport.summary(report))."
    }

    /// Counts per category and severity.
    static func overview(_ report: CheckReport) -> String {
        let categories = CheckReport.categories(of: report.findings)
        guard !categories.isEmpty else { return "<p class=\"none\">No findings.</p>\n" }
        var out = "<table class=\"overview\" id=\"overview\"><thead><tr><th>Category</th>"
        for severity in Finding.Severity.allCases.reversed() { out += "<th>\(severity.rawValue)</th>" }
        out += "<th>total</th></tr></thead><tbody>\n"
        for category in categories {
            let findings = report.findings.filter { $0.category == category }
            out += "<tr data-category=\"\(escape(category))\"><td>\(escape(category))</td>"
            for severity in Finding.Severity.allCases.reversed() {
                out += "<td>\(findings.count { $0.severity == severity })</td>"
            }
            out += "<td>\(findings.count)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func filters(_ report: CheckReport) -> String {
        guard !report.findings.isEmpty else { return "" }
        var out = "<form id=\"filters\" class=\"filters\" onsubmit=\"return false\"><fieldset><legend>Category</legend>\n"
        for category in CheckReport.categories(of: report.findings) {
            let count = report.findings.count { $0.category == category }
            out += "<label><input type=\"checkbox\" name=\"category\" value=\"\(escape(category))\" checked> \(escape(category)) (\(count))</label>\n"
        }
        out += "</fieldset><fieldset><legend>Severity</legend>\n"
        for severity in Finding.Severity.allCases.reversed() {
            let count = report.findings.count { $0.severity == severity }
            out += "<label><input type=\"checkbox\" name=\"severity\" value=\"\(severity.rawValue)\" checked> \(severity.rawValue) (\(count))</label>\n"
        }
        out += "</fieldset><fieldset><legend>Search</legend><input type=\"search\" id=\"search\" placeholder=\"text, document, rule\"></fieldset>\n"
        out += "<p id=\"shown\"></p></form>\n"
        return out
    }

    static func findingsTable(_ report: CheckReport) -> String {
        guard !report.findings.isEmpty else { return "" }
        var out = "<h2>Findings</h2>\n<table class=\"findings\" id=\"findings\"><thead><tr><th>Where</th><th>Category</th><th>Finding</th><th>Source (bg)</th><th>Target (en)</th></tr></thead><tbody>\n"
        for finding in report.findings {
            let location = finding.location
            let unit = report.unit(of: finding)
            out += "<tr class=\"\(finding.severity.rawValue)\" data-category=\"\(escape(finding.category))\" data-severity=\"\(finding.severity.rawValue)\">"
            var place = escape(location.document ?? "-")
            if let segment = location.segment { place += "<br>segment \(segment)" }
            if let source = location.source, source.line > 0 {
                place += "<br><small>\(escape(String.lastComponentOf(source.file))):\(source.line)</small>"
            }
            out += "<td class=\"where\">\(place)</td>"
            out += "<td><span class=\"badge \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span><br>\(escape(finding.category))</td>"
            out += "<td class=\"message\">\(escape(finding.message))"
            if let suggestion = finding.suggestion { out += "<div class=\"suggestion\">→ \(escape(suggestion))</div>" }
            out += "<div class=\"rule\">\(escape(finding.rule))</div></td>"
            let range = location.range
            out += "<td lang=\"bg\" class=\"text\">\(unit.map { marked($0.source, location.side == Side.source.rawValue ? range : nil) } ?? "")</td>"
            out += "<td lang=\"en\" class=\"text\">\(unit?.target.map { marked($0, location.side == Side.target.rawValue ? range : nil) } ?? "")</td>"
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func nameGroups(_ report: CheckReport) -> String {
        guard !report.nameGroups.isEmpty else { return "" }
        var out = "<h2>Name variants</h2>\n<table class=\"names\" id=\"names\"><thead><tr><th>Name</th><th>Spelling</th><th>Count</th><th>Documents</th><th>Where</th></tr></thead><tbody>\n"
        for group in report.nameGroups {
            for (i, spelling) in group.spellings.enumerated() {
                let preferred = spelling.text == group.preferred
                out += "<tr class=\"\(preferred ? "preferred" : "variant")\">"
                if i == 0 {
                    var name = "<strong>\(escape(group.preferred))</strong>"
                    if let english = group.english { name += "<br><span lang=\"en\">\(escape(english))</span>" }
                    name += "<br><small>\(group.reason == "glossary" ? "glossary spelling" : "most used spelling")</small>"
                    out += "<td rowspan=\"\(group.spellings.count)\">\(name)</td>"
                }
                var text = escape(spelling.text)
                if preferred { text += " ✓" }
                if spelling.forms != [spelling.text] { text += "<br><small>\(escape(spelling.forms.joined(separator: ", ")))</small>" }
                out += "<td lang=\"bg\">\(text)</td><td class=\"count\">\(spelling.count)</td><td class=\"count\">\(spelling.documentCount)</td>"
                let places = spelling.places.prefix(12).map { "\(escape($0.document)):\($0.segment)" }.joined(separator: ", ")
                out += "<td><small>\(places)\(spelling.places.count > 12 ? ", …" : "")</small></td></tr>\n"
            }
        }
        return out + "</tbody></table>\n"
    }

    /// `text` escaped, with the scalars of `range` in a `<mark>`.
    static func marked(_ text: String, _ range: Range<Int>?) -> String {
        let count = text.unicodeScalars.count
        guard let range, range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else { return escape(text) }
        let before = text.scalars(0..<range.lowerBound)
        let inside = text.scalars(range)
        let after = text.scalars(range.upperBound..<count)
        return escape(before) + "<mark>" + escape(visible(inside)) + "</mark>" + escape(after)
    }

    /// Invisible characters and runs of spaces made visible inside a mark.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if InvisibleCharacters.isInvisible(scalar) {
                out += "⟨\(scalar.codePointDescription.prefix(6))⟩"
            } else if scalar == " " {
                out += "·"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 24px 40px;color:#1d2330;background:#fbfbfd}
        h1{font-size:22px;margin:18px 0 4px}h2{font-size:18px;margin:28px 0 8px}
        #summary{font-size:15px;margin:0 0 4px}.inputs{color:#555;margin:0}
        table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08)}
        th,td{border:1px solid #dde1e8;padding:5px 8px;vertical-align:top;text-align:left}
        th{background:#eef1f6;font-weight:600}
        .overview{margin:14px 0}.overview td:not(:first-child){text-align:right}
        .filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start;margin:10px 0}
        .filters fieldset{border:1px solid #dde1e8;border-radius:6px;background:#fff;padding:4px 10px}
        .filters label{display:inline-block;margin-right:10px;white-space:nowrap}
        #shown{margin:12px 0 0;color:#555}
        .findings{width:100%}.findings td.text{width:30%}.where{white-space:nowrap}
        .badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;color:#fff}
        .badge.error{background:#c62828}.badge.warning{background:#d98200}.badge.info{background:#5c6b80}
        .suggestion{color:#1b5e20;margin-top:3px}.rule{color:#778;font-size:12px;margin-top:3px;font-family:monospace}
        mark{background:#ffe082;padding:0 1px;border-radius:2px}
        .names .variant td:not([rowspan]){background:#fff6e5}.count{text-align:right}
        tr[hidden]{display:none}
        """

    static let script = """
        (function(){
          var form=document.getElementById('filters');if(!form)return;
          var rows=[].slice.call(document.querySelectorAll('#findings tbody tr'));
          var search=document.getElementById('search'),shown=document.getElementById('shown');
          function boxes(name){return [].slice.call(form.querySelectorAll('input[name='+name+']'))}
          function checked(name){return boxes(name).filter(function(i){return i.checked}).map(function(i){return i.value})}
          function preset(){
            var hash=decodeURIComponent((location.hash||'').replace(/^#/,''));if(!hash)return;
            hash.split('&').forEach(function(part){
              var kv=part.split('='),key=kv[0],values=(kv[1]||'').split(',');
              if(key==='category'||key==='severity')boxes(key).forEach(function(b){b.checked=values.indexOf(b.value)>=0});
              if(key==='q')search.value=kv[1]||'';
            });
          }
          function apply(){
            var cats=checked('category'),sevs=checked('severity'),q=(search.value||'').toLowerCase(),n=0;
            rows.forEach(function(r){
              var ok=cats.indexOf(r.dataset.category)>=0&&sevs.indexOf(r.dataset.severity)>=0&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
              r.hidden=!ok;if(ok)n++;
            });
            shown.textContent='Showing '+n+' of '+rows.length+' findings';
          }
          form.addEventListener('change',apply);search.addEventListener('input',apply);
          window.addEventListener('hashchange',function(){preset();apply()});
          preset();apply();
        })();
        """
}

extension String {
    /// The last component of a path.
    fileprivate static func lastComponentOf(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
