using System.Text.Json;
using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Checks.Tests;

/// <summary>A stand-in for the future misbehavior report event: kind <c>misbehavior_report</c> with accused and reporter fields.</summary>
internal sealed record MisbehaviorReportTestEvent(long TimeNs, string Accused, string Reporter) : JournalEvent(TimeNs)
{
    public override string Kind => JournalRecorder.MisbehaviorReportKind;

    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("accused", Accused);
        writer.WriteString("reporter", Reporter);
    }
}
