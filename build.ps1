#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and packages ZoomHubPS.
.DESCRIPTION
    Tasks:
      Build    dotnet publish, then lay out out/ZoomHubPS/ (manifest, cmdlet dll, format file, MAML help,
               about_ topics, Dependencies/ with every other assembly of the publish output).
      Test     Build, run every xunit project and the Pester suite (in a child pwsh, against out/ZoomHubPS),
               print one line "N passed, N failed" and exit non-zero on any failure.
      Package  Build, then zip out/ZoomHubPS/ into out/ZoomHubPS-<version>.zip (root folder ZoomHubPS/, the
               shape Azure Automation imports).
      Bench    Build, then run the benchmark harness (bench/): the sizes (-BenchSizes) and the account-wide row
               (-BenchAccount), and write out/bench/.
      Demo     Build, then run the main job against the sandbox (or a real account when configured).
      Clean    Remove out/ and artifacts/.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Bench', 'Demo', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Passed to the Bench task: registrant counts to run, e.g. 1000,10000. Taken as text and split on commas: from a
    # shell (dotnet pwsh ./build.ps1 -BenchSizes 1000,10000) the list arrives as one string, which an [int[]] would
    # read as 100010000 (the comma as a thousands separator).
    [string[]] $BenchSizes,

    # Passed to the Bench task: the account-wide row's shape, hosts x webinars x registrants (default 10x4x250), or
    # 'none' to leave the row out. -BenchSizes none runs the account row alone.
    [string] $BenchAccount = '10x4x250'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:NO_COLOR = '1'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'ZoomHubPS'
$PublishOut = Join-Path $Out 'publish'
$TestResults = Join-Path $Out 'test-results'

function Write-Step([string] $Message) { Write-Host "==> $Message" }

function Invoke-Native {
    # Runs a native command; a non-zero exit stops the build with a message naming the step.
    param([string] $Step, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$Step failed (exit code $LASTEXITCODE)." }
}

function Get-Pwsh {
    # The child PowerShell: the repo-local dotnet tool (dotnet-tools.json), so tests run on the pinned 7.6.9.
    return @('dotnet', 'pwsh')
}

function Invoke-Clean {
    Write-Step 'Clean'
    foreach ($path in $Out, (Join-Path $Root 'artifacts')) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force; Write-Host "    removed $path" }
    }
}

function Invoke-Build {
    Write-Step "Build ($Configuration)"
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    if (Test-Path $PublishOut) { Remove-Item $PublishOut -Recurse -Force }
    Invoke-Native 'dotnet publish' { dotnet publish (Join-Path $Root 'src/ZoomHubPS/ZoomHubPS.csproj') -c $Configuration -o $PublishOut --nologo -v quiet }

    $deps = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut 'Dependencies')
    Copy-Item (Join-Path $PublishOut 'ZoomHubPS.dll') $ModuleOut
    Copy-Item (Join-Path $Root 'ZoomHubPS.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'src/ZoomHubPS/ZoomHubPS.format.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    # Every other assembly of the publish output is a dependency: derived, never a hand-kept list.
    $dependencyFiles = Get-ChildItem $PublishOut -File | Where-Object { $_.Extension -eq '.dll' -and $_.Name -ne 'ZoomHubPS.dll' }
    $dependencyFiles | Copy-Item -Destination $deps
    Write-Host "    $($dependencyFiles.Count) dependencies -> $deps"

    Write-Step 'Help'
    $helpOut = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut 'en-US')
    $helpScript = Join-Path $Root 'tools/help/Build-Help.ps1'
    $pwsh = Get-Pwsh
    Invoke-Native 'help build' { & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -File $helpScript -ModulePath $ModuleOut -DocsPath (Join-Path $Root 'docs') -OutputPath $helpOut }
    Write-Host "    module ready: $ModuleOut"
}

function Get-TrxCounts([string] $Folder) {
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem $Folder -Filter *.trx -Recurse -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content -LiteralPath $trx.FullName -Raw
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
    }
    [pscustomobject] @{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $TestResults) { Remove-Item $TestResults -Recurse -Force }
    New-Item -ItemType Directory -Force -Path $TestResults | Out-Null

    Write-Step 'xunit'
    $xunitResults = Join-Path $TestResults 'xunit'
    dotnet test (Join-Path $Root 'ZoomHubPS.sln') -c $Configuration --nologo -v quiet --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $xunitResults
    $xunitExit = $LASTEXITCODE
    $xunit = Get-TrxCounts $xunitResults
    Write-Host "    xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) {
        # The run itself broke (build error, crashed host): count it as a failure so CI cannot go green.
        Write-Host '    xunit run failed before reporting results.'
        $xunit.Failed = 1
    }

    Write-Step 'Pester'
    $pesterJson = Join-Path $TestResults 'pester.json'
    $pwsh = Get-Pwsh
    & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -File (Join-Path $Root 'tools/pester/Invoke-PesterSuite.ps1') -ModulePath $ModuleOut -TestsPath (Join-Path $Root 'tests/pester') -ResultPath $pesterJson
    $pesterExit = $LASTEXITCODE
    $pester = if (Test-Path $pesterJson) { Get-Content $pesterJson -Raw | ConvertFrom-Json } else { [pscustomobject] @{ Passed = 0; Failed = 1; Skipped = 0 } }
    if ($pesterExit -ne 0 -and $pester.Failed -eq 0) { $pester.Failed = 1 }
    Write-Host "    pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    if ($skipped -gt 0) { Write-Host "    $skipped skipped" }
    # The summary is the run's last line (CI reads it): printed after the timing, below.
    $script:TestSummary = "$passed passed, $failed failed"
    if ($failed -gt 0) {
        Write-Host ("done in {0:n0} s" -f $started.Elapsed.TotalSeconds)
        Write-Host $script:TestSummary
        exit 1
    }
}

function Invoke-Package {
    Invoke-Build
    Write-Step 'Package'
    $manifest = Import-PowerShellDataFile (Join-Path $ModuleOut 'ZoomHubPS.psd1')
    $zip = Join-Path $Out "ZoomHubPS-$($manifest.ModuleVersion).zip"
    if (Test-Path $zip) { Remove-Item $zip -Force }
    # Root of the zip is the ZoomHubPS/ folder: the shape Azure Automation's module import expects.
    Compress-Archive -Path $ModuleOut -DestinationPath $zip
    Write-Host "    package: $zip"
}

function Invoke-Bench {
    Invoke-Build
    Write-Step 'Bench'
    $benchArgs = @('run', '--project', (Join-Path $Root 'bench/ZoomHubPS.Bench/ZoomHubPS.Bench.csproj'), '-c', 'Release', '--', '--out', (Join-Path $Out 'bench'))
    if ($BenchSizes) {
        $sizes = @($BenchSizes -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        if ($sizes.Count -eq 1 -and $sizes[0] -eq 'none') {
            $benchArgs += @('--sizes', 'none')
        }
        else {
            foreach ($s in $sizes) {
                if ($s -notmatch '^\d+$' -or [int]$s -lt 1) { throw "-BenchSizes: '$s' is not a registrant count. Give positive whole numbers, e.g. -BenchSizes 1000,10000, or none." }
            }
            $benchArgs += @('--sizes', ($sizes -join ','))
        }
    }
    if ($BenchAccount -ne 'none' -and $BenchAccount -notmatch '^\s*\d+\s*x\s*\d+\s*x\s*\d+\s*$') {
        throw "-BenchAccount: '$BenchAccount' is not hosts x webinars x registrants. Give e.g. -BenchAccount 10x4x250, or none."
    }
    $benchArgs += @('--account', ($BenchAccount -replace '\s', ''))
    Invoke-Native 'bench' { dotnet @benchArgs }
}

function Invoke-Demo {
    Invoke-Build
    Write-Step 'Demo'
    $pwsh = Get-Pwsh
    Invoke-Native 'demo' { & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Invoke-Demo.ps1') -ModulePath $ModuleOut }
}

$started = [System.Diagnostics.Stopwatch]::StartNew()
$script:TestSummary = $null
foreach ($t in $Task) {
    switch ($t) {
        'Clean' { Invoke-Clean }
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Bench' { Invoke-Bench }
        'Demo' { Invoke-Demo }
    }
}
Write-Host ("done in {0:n0} s" -f $started.Elapsed.TotalSeconds)
if ($script:TestSummary) { Write-Host $script:TestSummary }
