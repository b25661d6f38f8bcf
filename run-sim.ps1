#!/usr/bin/env pwsh
# Thin pass-through to the XmtpSim command line: every argument goes to `xmtpsim` unchanged,
# and this script exits with its exit code (0 pass, 1 check failed, 2 bad input, 3 internal error).
# Example: pwsh ./run-sim.ps1 run scenarios/baseline.yaml --seed 7
$project = Join-Path $PSScriptRoot 'sim/XmtpSim.Cli'
dotnet run -c Release --project $project -- @args
exit $LASTEXITCODE
