using System.Text.Json;

namespace XmtpSim.Cli.Tests;

public sealed class FeeQuoteCommandTests
{
    [Fact]
    public void Json_quote_matches_the_spec_example()
    {
        var (code, output, error) = CliRunner.Run("fee", "quote", "--bytes", "1000", "--retention-days", "60", "--rate-per-minute", "7500", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(12_000_100, root.GetProperty("base_fee_picodollars").GetInt64());
        Assert.Equal(26, root.GetProperty("congestion_units").GetInt32());
        Assert.Equal(7_800, root.GetProperty("congestion_fee_picodollars").GetInt64());
        Assert.Equal(12_007_900, root.GetProperty("total_picodollars").GetInt64());
    }

    [Fact]
    public void Text_quote_shows_picodollars_and_dollars()
    {
        var (code, output, _) = CliRunner.Run("fee", "quote", "--bytes", "1000", "--retention-days", "60");
        Assert.Equal(0, code);
        Assert.Contains("12,000,100 pico", output, StringComparison.Ordinal);
        Assert.Contains("$0.0000120001", output, StringComparison.Ordinal);
        Assert.Contains("congestion units", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_options_change_the_quote()
    {
        var (code, output, _) = CliRunner.Run("fee", "quote", "--bytes", "100", "--retention-days", "10",
            "--message-fee", "1", "--storage-fee", "2", "--congestion-fee", "1000", "--target-rate-per-minute", "100",
            "--rate-per-minute", "1000", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1 + 2 * 100 * 10, json.RootElement.GetProperty("base_fee_picodollars").GetInt64());
        Assert.Equal(100_000, json.RootElement.GetProperty("congestion_fee_picodollars").GetInt64());
    }

    [Theory]
    [InlineData("--bytes", "0", "--retention-days", "60")]
    [InlineData("--bytes", "-5", "--retention-days", "60")]
    [InlineData("--bytes", "100", "--retention-days", "1")]
    [InlineData("--bytes", "100", "--retention-days", "366")]
    [InlineData("--bytes", "100", "--retention-days", "60", "--rate-per-minute", "-1")]
    [InlineData("--bytes", "100", "--retention-days", "60", "--storage-fee", "-1")]
    [InlineData("--bytes", "99999999999999999999", "--retention-days", "60")]
    [InlineData("--bytes", "abc", "--retention-days", "60")]
    public void Bad_input_exits_2_and_names_the_option(params string[] options)
    {
        var (code, _, error) = CliRunner.Run(["fee", "quote", .. options]);
        Assert.Equal(2, code);
        var named = options.Where((_, i) => i % 2 == 0).Any(o => error.Contains(o, StringComparison.Ordinal));
        Assert.True(named, $"error should name the offending option: {error}");
    }

    [Fact]
    public void Overflow_exits_2_with_a_message()
    {
        var (code, _, error) = CliRunner.Run("fee", "quote", "--bytes", "9000000000000000", "--retention-days", "300");
        Assert.Equal(2, code);
        Assert.Contains("overflow", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_option_exits_2()
    {
        var (code, _, error) = CliRunner.Run("fee", "quote", "--retention-days", "60");
        Assert.Equal(2, code);
        Assert.Contains("--bytes", error, StringComparison.Ordinal);
    }
}
