using XmtpSim.Checks.Output;
using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Simulation.Tests;

public sealed class DeliveriesFileTests
{
    [Fact]
    public void A_run_writes_deliveries_csv_while_it_records_with_the_bytes_of_the_finished_history()
    {
        var directory = Directory.CreateTempSubdirectory("xmtpsim-deliveries-");
        try
        {
            var outcome = SimulationRunner.Run(SmallScenarios.Parse(SmallScenarios.Base), new RunSettings { OutputDirectory = directory.FullName });

            var history = SmallScenarios.Record(SmallScenarios.Base);
            using var expected = new MemoryStream();
            DeliveriesCsv.Write(expected, history);

            var path = Path.Combine(directory.FullName, "deliveries.csv");
            Assert.Contains(path, outcome.Files);
            var written = File.ReadAllBytes(path);
            Assert.True(history.Applies.Count > 100, $"{history.Applies.Count} applies");
            Assert.Equal(history.Applies.Count + 1, written.Count(b => b == (byte)'\n'));
            Assert.True(expected.ToArray().AsSpan().SequenceEqual(written), "the streamed file differs from the one the finished history gives");
            Assert.Empty(directory.GetFiles("*" + DeliveriesFile.PartialSuffix));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_run_that_fails_part_way_leaves_neither_a_partial_nor_a_finished_deliveries_file()
    {
        var directory = Directory.CreateTempSubdirectory("xmtpsim-deliveries-");
        try
        {
            var settings = new RunSettings
            {
                OutputDirectory = directory.FullName,
                Progress = (_, _) => throw new InvalidOperationException("stopped by the test"),
            };

            var error = Assert.Throws<InvalidOperationException>(() => SimulationRunner.Run(SmallScenarios.Parse(SmallScenarios.Base, "duration=20m"), settings));

            Assert.Equal("stopped by the test", error.Message);
            Assert.Empty(directory.GetFiles("deliveries.csv*"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
