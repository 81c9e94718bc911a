# The unattended path end to end: Connect-ZoomHub as Azure Automation and environment variables hand credentials out,
# one clock in sandbox mode, and the runbook itself run in a fresh pwsh against a loopback sandbox.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $runbook = Join-Path $repo 'docs/runbooks/Invoke-ZoomHubSyncRunbook.ps1'
    function Set-ZoomHubEnvironment {
        $env:ZOOMHUB_ZOOM_ACCOUNT_ID = $sandbox.ZoomAccountId
        $env:ZOOMHUB_ZOOM_CLIENT_ID = $sandbox.ZoomClientCredential.UserName
        $env:ZOOMHUB_ZOOM_CLIENT_SECRET = $sandbox.ZoomClientCredential.GetNetworkCredential().Password
        $env:ZOOMHUB_HUBSPOT_TOKEN = [pscredential]::new('x', $sandbox.HubSpotToken).GetNetworkCredential().Password
        $env:ZOOMHUB_ZOOM_OAUTH_URI = "$($sandbox.ZoomOAuthUri)"
        $env:ZOOMHUB_ZOOM_API_URI = "$($sandbox.ZoomApiUri)"
        $env:ZOOMHUB_HUBSPOT_URI = "$($sandbox.HubSpotUri)"
    }
    function Clear-ZoomHubEnvironment {
        Get-ChildItem env:ZOOMHUB_* | ForEach-Object { Remove-Item "env:$($_.Name)" }
    }
}

AfterAll {
    Clear-ZoomHubEnvironment
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Connect-ZoomHub for unattended runs' {
    AfterEach { Clear-ZoomHubEnvironment }

    It 'takes the HubSpot token as a PSCredential, as Get-AutomationPSCredential hands it out' {
        $hubSpot = [pscredential]::new('ignored', $sandbox.HubSpotToken)
        $c = Connect-ZoomHub -AccountId $sandbox.ZoomAccountId -ClientCredential $sandbox.ZoomClientCredential -HubSpotCredential $hubSpot `
            -ZoomOAuthUri $sandbox.ZoomOAuthUri -ZoomApiUri $sandbox.ZoomApiUri -HubSpotUri $sandbox.HubSpotUri -PassThru -WarningAction SilentlyContinue
        $c.Info.HubSpotPortalId | Should -BeGreaterThan 0
        Disconnect-ZoomHub -Connection $c
    }

    It 'refuses a token given as plain text, saying how to pass it' {
        { Connect-ZoomHub -AccountId x -ClientCredential $sandbox.ZoomClientCredential -HubSpotToken 'pat-plain-text' -ErrorAction Stop } | Should -Throw '*SecureString*PSCredential*'
    }

    It 'connects from the ZOOMHUB_* environment variables, and names a missing one' {
        Set-ZoomHubEnvironment
        $c = Connect-ZoomHub -FromEnvironment -PassThru -WarningAction SilentlyContinue
        $c.Info.ZoomAccountId | Should -Be $sandbox.ZoomAccountId
        Disconnect-ZoomHub -Connection $c
        Remove-Item env:ZOOMHUB_HUBSPOT_TOKEN
        $err = $null
        try { Connect-ZoomHub -FromEnvironment -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ZoomHubInvalidArgument,ZoomHubPS.Commands.ConnectZoomHubCommand'
        "$err" | Should -Match 'ZOOMHUB_HUBSPOT_TOKEN'
    }

    It 'uses the twin''s clock: the run''s window ends at the sandbox''s now, not the machine''s' {
        # The in-process twin of a fresh demo starts at 12:00 UTC today (anchored), whatever the machine's time is.
        Connect-ZoomHub -Sandbox -Scenario demo
        Initialize-ZoomHubSchema | Out-Null
        $summary = Invoke-ZoomHubSync -WhatIf -WarningAction SilentlyContinue
        $summary.WindowEnd.UtcDateTime.ToString('yyyy-MM-dd HH') | Should -Be ([DateTime]::UtcNow.Date.AddHours(12).ToString('yyyy-MM-dd HH'))
        Disconnect-ZoomHub
    }

    It 'takes the retry time budget and the request timeout, and refuses a negative budget' {
        $c = Connect-ZoomHub -Sandbox -RetryTimeBudget 00:02:00 -RequestTimeout 00:00:45 -PassThru
        $c | Should -Not -BeNullOrEmpty
        Disconnect-ZoomHub -Connection $c
        { Connect-ZoomHub -Sandbox -RetryTimeBudget -00:00:01 -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.ConnectZoomHubCommand'
    }
}

Describe 'The runbook' {
    It 'runs end to end against the loopback sandbox: connects from the environment, syncs, writes the summary, and a re-run writes nothing' {
        $params = $sandbox.ConnectParameters
        $c = Connect-ZoomHub @params -PassThru -WarningAction SilentlyContinue
        Initialize-ZoomHubSchema -Connection $c | Out-Null
        Disconnect-ZoomHub -Connection $c
        $settings = Join-Path $TestDrive 'sync.json'
        New-ZoomHubSyncSetting -LookbackDays 60 -Path $settings -Force | Out-Null
        Set-ZoomHubEnvironment
        $modules = Split-Path (Get-ModuleUnderTest) -Parent
        $script = @"
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath
& '$runbook' -SettingsPath '$settings' | Select-Object Outcome, InstancesSynced, Created, Updated | ConvertTo-Json -Compress
"@
        $first = Invoke-ChildPwsh -Script $script -TimeoutSeconds 180
        $first.ExitCode | Should -Be 0 -Because ($first.Output -join "`n")
        $summary = ($first.Output | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
        $summary.Outcome | Should -Be 'Succeeded'
        $summary.InstancesSynced | Should -BeGreaterThan 5
        $summary.Created | Should -BeGreaterThan 0

        $sandbox.Sandbox.Journal.Clear()
        $again = Invoke-ChildPwsh -Script $script -TimeoutSeconds 180
        $again.ExitCode | Should -Be 0
        @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.IsWrite -and $_.Status -lt 300 }).Count | Should -Be 0
    }

    It 'fails the job (non-zero exit) when instances fail, naming them' {
        Set-ZoomHubEnvironment
        $settings = Join-Path $TestDrive 'sync.json'
        # The sandbox's types live in the module's load context; reach FaultRule through the live object.
        $ruleType = $sandbox.Sandbox.Faults.Options.GetType().Assembly.GetType('ZoomHubPS.Sandbox.Faults.FaultRule')
        $sandbox.Sandbox.Faults.Options.Add($ruleType::For('GET /v2/report/webinars/{webinarId}/participants').ServerError(500)) | Out-Null
        try {
            $modules = Split-Path (Get-ModuleUnderTest) -Parent
            $script = @"
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath
& '$runbook' -SettingsPath '$settings' -RetryTimeBudget 00:00:02
"@
            $run = Invoke-ChildPwsh -Script $script -TimeoutSeconds 240
            $run.ExitCode | Should -Not -Be 0
            ($run.Output -join "`n") | Should -Match 'instance\(s\) failed'
        }
        finally { $sandbox.Sandbox.Faults.Options.Clear() }
    }
}
