using ScottPlot;
using SkiaSharp;

namespace XmtpSim.Reports;

/// <summary>
/// The chart font: DejaVu Sans regular and bold, embedded in this assembly and registered with ScottPlot under a
/// family name no system has, so every title, label and tick renders from the shipped files (never a system lookup;
/// without a bold face, titles silently vanish where system fonts are missing).
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name every chart uses.</summary>
    public const string Family = "XmtpSim DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the regular and bold faces with ScottPlot (idempotent, thread-safe).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf")));
            _registered = true;
        }
    }

    /// <summary>The typeface ScottPlot resolves for the chart family (tests).</summary>
    internal static SKTypeface Typeface(bool bold)
    {
        Register();
        return Fonts.GetTypeface(Family, bold, false);
    }

    private static byte[] Load(string file)
    {
        var name = "XmtpSim.Reports.Fonts." + file;
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class EmbeddedFontResolver(byte[] regular, byte[] bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic)
        {
            if (!string.Equals(fontName, Family, StringComparison.Ordinal))
            {
                return null;
            }

            using var data = SKData.CreateCopy(bold1 ? bold : regular);
            return SKTypeface.FromData(data);
        }
    }
}
