using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace XmtpSim.Reports;

/// <summary>
/// <c>report.html</c>: the Markdown report rendered to one self-contained page — images embedded as PNG data URIs,
/// responsive CSS inline, no script, and a Content-Security-Policy that forbids fetching anything.
/// Handles exactly the Markdown subset <see cref="RunReportMarkdown"/> writes.
/// </summary>
public static partial class ReportHtml
{
    /// <summary>The page's Content-Security-Policy: nothing may be fetched; images only from data URIs.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fff; }
        main { max-width: 1040px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #ddd; padding-bottom: 0.25rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        p, li { overflow-wrap: anywhere; }
        code { font: 0.85em/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f3f3; padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
        .table { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5rem 0 1rem; }
        table { border-collapse: collapse; min-width: 100%; font-size: 0.9rem; }
        th, td { border: 1px solid #ddd; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f6f6f6; }
        td { overflow-wrap: anywhere; min-width: 5rem; }
        figure { margin: 0.5rem 0 1.5rem; }
        img { display: block; width: 100%; max-width: 960px; height: auto; border: 1px solid #eee; }
        .note { color: #666; font-style: italic; }
        @media (max-width: 600px) {
          body { font-size: 15px; }
          main { padding: 0.75rem 0.75rem 2rem; }
          h1 { font-size: 1.35rem; }
          th, td { padding: 0.25rem 0.4rem; }
        }
        """;

    /// <summary>Renders <paramref name="markdown"/>; <paramref name="images"/> maps each image file name to its PNG bytes.</summary>
    public static string Render(string title, string markdown, IReadOnlyDictionary<string, byte[]> images)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(images);
        var html = new StringBuilder(markdown.Length * 2);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");

        var lines = markdown.Split('\n');
        var listDepth = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var item = ListItem().Match(line);
            if (item.Success)
            {
                var depth = (item.Groups[1].Length / 2) + 1;
                while (listDepth < depth)
                {
                    html.Append("<ul>\n");
                    listDepth++;
                }

                while (listDepth > depth)
                {
                    html.Append("</ul>\n");
                    listDepth--;
                }

                html.Append("<li>").Append(Inline(item.Groups[2].Value)).Append("</li>\n");
                continue;
            }

            while (listDepth > 0)
            {
                html.Append("</ul>\n");
                listDepth--;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('|'))
            {
                var rows = new List<string>();
                while (i < lines.Length && lines[i].StartsWith('|'))
                {
                    rows.Add(lines[i++]);
                }

                i--;
                AppendTable(html, rows);
            }
            else if (Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Length;
                html.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups[2].Value)).Append("</h").Append(level).Append(">\n");
            }
            else if (Image().Match(line) is { Success: true } image)
            {
                var file = image.Groups[2].Value;
                if (!images.TryGetValue(file, out var png))
                {
                    throw new InvalidOperationException($"report.md links {file}, which was not drawn.");
                }

                html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(png))
                    .Append("\" alt=\"").Append(Escape(image.Groups[1].Value)).Append("\" width=\"").Append(Charts.ChartRenderer.Width)
                    .Append("\" height=\"").Append(Charts.ChartRenderer.Height).Append("\"></figure>\n");
            }
            else if (line.Length > 2 && line[0] == '*' && line[^1] == '*' && line[1] != '*')
            {
                html.Append("<p class=\"note\">").Append(Inline(line[1..^1])).Append("</p>\n");
            }
            else
            {
                html.Append("<p>").Append(Inline(line)).Append("</p>\n");
            }
        }

        while (listDepth-- > 0)
        {
            html.Append("</ul>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, List<string> rows)
    {
        html.Append("<div class=\"table\"><table>\n");
        var header = true;
        foreach (var row in rows)
        {
            var cells = Cells(row);
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
            {
                continue;
            }

            var tag = header ? "th" : "td";
            html.Append("<tr>");
            foreach (var cell in cells)
            {
                html.Append('<').Append(tag).Append('>').Append(Inline(cell)).Append("</").Append(tag).Append('>');
            }

            html.Append("</tr>\n");
            header = false;
        }

        html.Append("</table></div>\n");
    }

    /// <summary>The cells of "| a | b \| c |", unescaping "\|".</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(row[i]);
            }
        }

        return cells;
    }

    private static string Inline(string text)
    {
        var escaped = Escape(text);
        escaped = Code().Replace(escaped, "<code>$1</code>");
        return Bold().Replace(escaped, "<strong>$1</strong>");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^( *)- (.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(#{1,6}) (.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^!\[([^\]]*)\]\(([^)\s]+)\)$")]
    private static partial Regex Image();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
