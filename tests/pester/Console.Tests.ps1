# Long writes at the console: progress in interactive hosts only, results that stream and survive Ctrl+C with a notice
# of what was done, and -Debug that neither prompts nor throws.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $manifest = Get-ModuleManifestPath

    function Start-Stoppable {
        # Runs $Script in a runspace of its own and returns the instance and its live output collection.
        param([scriptblock] $Script, [object[]] $Arguments)
        $ps = [powershell]::Create()
        $null = $ps.AddScript($Script)
        foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
        $in = [System.Management.Automation.PSDataCollection[psobject]]::new(); $in.Complete()
        $out = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $ps.BeginInvoke($in, $out)
        [pscustomobject] @{ PowerShell = $ps; Output = $out; Handle = $handle }
    }

    function Wait-Output($run, [int] $Count) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        while ($run.Output.Count -lt $Count -and $watch.Elapsed.TotalSeconds -lt 60 -and $run.PowerShell.InvocationStateInfo.State -eq 'Running') {
            Start-Sleep -Milliseconds 20
        }
    }
}

Describe 'Ctrl+C during a long write' {
    BeforeAll {
        $file = New-ZoomHubTestScenario -Path (Join-Path $TestDrive 'volume.json') -Registrants 1500
        # 40 ms per request: slow enough to stop in the middle, fast enough for a test.
        $sandbox = Start-ZoomHubSandbox -Scenario $file -NoLimits -Fault '{"latencyMs": 40}'
        $connect = $sandbox.ConnectParameters
    }

    AfterAll { $sandbox | Stop-ZoomHubSandbox }

    It 'a stopped registration keeps the results of the batches done, in input order, and says a re-run continues' {
        $run = Start-Stoppable -Arguments $manifest, $connect -Script {
            param($m, $p)
            Import-Module $m; Connect-ZoomHub @p
            1..600 | ForEach-Object { [pscustomobject] @{ Email = "stop$_@example.net"; FirstName = "Stop$_" } } | Add-ZoomWebinarRegistrant -WebinarId 89200000002 -OutVariable kept
        }
        Wait-Output $run 60
        $run.PowerShell.Stop()

        $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        $done = @($run.Output)
        $done.Count | Should -BeGreaterOrEqual 60
        $done.Count | Should -BeLessThan 600
        ($done.InputIndex -join ',') | Should -Be ((1..$done.Count) -join ',')
        $notice = "$($run.PowerShell.Streams.Warning)"
        $notice | Should -Match 'Add-ZoomWebinarRegistrant was stopped'
        $notice | Should -Match "$($done.Count) of 600 input"
        $notice | Should -Match 'Run the same command again'
        # -OutVariable (the documented way to keep results in a variable) holds them too; "$r = ..." would not.
        @($run.PowerShell.Runspace.SessionStateProxy.GetVariable('kept')).Count | Should -Be $done.Count
        $run.PowerShell.Dispose()

        # The re-run the notice promises: everyone done before comes back AlreadyRegistered.
        $c = Connect-ZoomHub @connect -PassThru
        $again = 1..600 | ForEach-Object { [pscustomobject] @{ Email = "stop$_@example.net"; FirstName = "Stop$_" } } |
            Add-ZoomWebinarRegistrant -WebinarId 89200000002 -Connection $c
        $c | Disconnect-ZoomHub
        $again.Count | Should -Be 600
        @($again | Select-Object -First $done.Count | Where-Object { $_.Status.ToString() -ne 'AlreadyRegistered' }) | Should -BeNullOrEmpty
    }

    It 'a stopped sync keeps the person records written and names the instance it stopped in' {
        $run = Start-Stoppable -Arguments $manifest, $connect -Script {
            param($m, $p)
            Import-Module $m; Connect-ZoomHub @p
            Initialize-ZoomHubSchema | Out-Null
            Sync-ZoomWebinarToHubSpot -WebinarId 89200000001 -Detailed
        }
        Wait-Output $run 200
        $run.PowerShell.Stop()

        $people = @($run.Output)
        $people.Count | Should -BeGreaterOrEqual 200
        $people.Count | Should -BeLessThan 1500
        ($people | ForEach-Object { $_.PSObject.TypeNames[0] } | Sort-Object -Unique) | Should -Be 'ZoomHubPS.Core.WebinarSync.PersonSyncRecord'
        $notice = "$($run.PowerShell.Streams.Warning)"
        $notice | Should -Match 'Sync-ZoomWebinarToHubSpot was stopped'
        $notice | Should -Match 'webinar 89200000001'
        $notice | Should -Match 'idempotent'
        $run.PowerShell.Dispose()
    }

    It 'Select-Object -First is no stop to warn about' {
        $run = Start-Stoppable -Arguments $manifest, $connect -Script {
            param($m, $p)
            Import-Module $m; Connect-ZoomHub @p
            1..90 | ForEach-Object { [pscustomobject] @{ Email = "first$_@example.net"; FirstName = "First$_" } } | Add-ZoomWebinarRegistrant -WebinarId 89200000002 | Select-Object -First 3
        }
        $run.PowerShell.EndInvoke($run.Handle)
        @($run.Output).Count | Should -Be 3
        $run.PowerShell.Streams.Warning | Should -BeNullOrEmpty
        $run.PowerShell.Dispose()
    }
}

Describe 'Progress' {
    BeforeAll {
        $file = New-ZoomHubTestScenario -Path (Join-Path $TestDrive 'progress.json') -Registrants 300
    }

    It 'shows no progress in a non-interactive host (records would only be stored)' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($m, $f)
            Import-Module $m; Connect-ZoomHub -Sandbox -Scenario $f
            Initialize-ZoomHubSchema | Out-Null
            Sync-ZoomWebinarToHubSpot -WebinarId 89200000001
            1..90 | ForEach-Object { [pscustomobject] @{ Email = "quiet$_@example.net"; FirstName = 'Q' } } | Add-ZoomWebinarRegistrant -WebinarId 89200000002
        }).AddArgument($manifest).AddArgument($file)
        $out = $ps.Invoke()
        $out.Count | Should -Be 91
        $ps.Streams.Progress.Count | Should -Be 0
        $ps.Dispose()
    }

    It 'shows batches, people and instances in an interactive console' {
        # A console host that is not -NonInteractive: a child pwsh hands its ConsoleHost to a runspace and counts records.
        $script = @"
`$rs = [runspacefactory]::CreateRunspace(`$Host); `$rs.Open()
`$ps = [powershell]::Create(); `$ps.Runspace = `$rs
`$null = `$ps.AddScript({
    Import-Module '$manifest'; Connect-ZoomHub -Sandbox -Scenario '$file'
    Initialize-ZoomHubSchema | Out-Null
    Sync-ZoomWebinarToHubSpot -WebinarId 89200000001 | Out-Null
    1..90 | ForEach-Object { [pscustomobject] @{ Email = "loud`$_@example.net"; FirstName = 'L' } } | Add-ZoomWebinarRegistrant -WebinarId 89200000002 | Out-Null
})
`$null = `$ps.Invoke()
foreach (`$p in `$ps.Streams.Progress) { 'PROGRESS|' + `$p.Activity + '|' + `$p.StatusDescription + '|' + `$p.PercentComplete + '|' + `$p.RecordType }
"@
        $file2 = Join-Path $TestDrive 'progress-child.ps1'
        Set-Content -Path $file2 -Value $script
        $env:NO_COLOR = '1'
        $lines = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -File $file2 2>&1 | ForEach-Object { "$_" } | Where-Object { $_ -like 'PROGRESS|*' }
        $sync = @($lines | Where-Object { $_ -like 'PROGRESS|Sync-ZoomWebinarToHubSpot|*' })
        $sync | Should -Not -BeNullOrEmpty
        ($sync -join "`n") | Should -Match 'Instance 1: webinar 89200000001'
        ($sync -join "`n") | Should -Match 'Completed'
        $registration = @($lines | Where-Object { $_ -like 'PROGRESS|Add-ZoomWebinarRegistrant|*' })
        ($registration -join "`n") | Should -Match 'of 90 input\(s\) done'
        ($registration -join "`n") | Should -Match 'Completed'
    }
}

Describe '-Debug and -Verbose' {
    It 'runs -Debug in a non-interactive script host without prompting or throwing, with HTTP detail and no secret' {
        $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
Connect-ZoomHub -Sandbox
`$records = Get-ZoomWebinar -WebinarId 81234567890 -Debug 5>&1
'DEBUG LINES: ' + @(`$records | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] }).Count
`$records | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { 'D|' + `$_.Message }
'TOPIC: ' + (`$records | Where-Object { `$_ -isnot [System.Management.Automation.DebugRecord] }).Topic
"@
        $text = $result.Output -join "`n"
        $result.ExitCode | Should -Be 0 -Because $text
        $text | Should -Not -Match 'NonInteractive mode|Continue with this operation|Object reference'
        $text | Should -Match 'TOPIC: Quarterly product update'
        $text | Should -Match 'D\|Zoom GET /webinars/81234567890'
        $text | Should -Match 'X-RateLimit-Remaining'
        $text | Should -Match 'Authorization: Bearer \(hidden\)'
        $text | Should -Not -Match 'eyJ|pat-na1-sandbox|sandbox-secret'
    }

    It 'does not throw when a debug preference of Inquire meets a non-interactive host (Windows PowerShell''s -Debug)' {
        $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
Connect-ZoomHub -Sandbox
`$DebugPreference = 'Inquire'
'TOPIC: ' + (Get-ZoomWebinar -WebinarId 81234567890).Topic
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'TOPIC: Quarterly product update'
    }

    It 'puts the request line on Verbose only (no debug stream without -Debug)' {
        Connect-ZoomHub -Sandbox
        $records = Get-ZoomWebinar -WebinarId 81234567890 -Verbose 4>&1 5>&1
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Zoom GET /webinars/81234567890*' }).Count | Should -Be 1
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
        Disconnect-ZoomHub
    }
}
