using SkiaSharp;

namespace XmtpSim.Tests.Shared;

/// <summary>For chart tests in several projects: how much text a rendered chart shows in its title band.</summary>
internal static class TitlePixels
{
    /// <summary>Dark (text) pixels in the top 36 rows, middle half of the width, where the title is centred.</summary>
    public static int Dark(SKBitmap bitmap)
    {
        var dark = 0;
        for (var y = 0; y < 36; y++)
        {
            for (var x = bitmap.Width / 4; x < bitmap.Width * 3 / 4; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red < 100 && p.Green < 100 && p.Blue < 100)
                {
                    dark++;
                }
            }
        }

        return dark;
    }
}
