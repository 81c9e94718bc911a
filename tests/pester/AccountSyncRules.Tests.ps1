# Registration rules in Invoke-ZoomHubSync through the built module: saved settings with a rule register a HubSpot
# list's members for a webinar, then the run syncs; a re-run registers nobody and writes nothing; -SkipRegistrationRules;
# a bad rule is one error naming it; the runbook fails the job when a rule fails.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params -WarningAction SilentlyContinue
    Initialize-ZoomHubSchema | Out-Null
    $journal = $sandbox.Sandbox.Journal
    function Get-WriteCount {
        @($journal.Entries | Where-Object { $_.IsWrite -and $_.Status -ge 200 -and $_.Status -lt 300 }).Count
    }
    function Get-RegistrantEmail([long] $WebinarId) {
        @(Get-ZoomWebinarRegistrant -WebinarId $WebinarId -Status Approved | ForEach-Object Email)
    }
    # The demo's list 42 "Security deep dive invitees" (Noah Patel, Emma Jones, Lucas Martin) and the weekly
    # "Customer onboarding clinic", which takes registrations with no extra questions.
    $clinic = 82345678901
    $invitees = 'noah.patel@contoso.example.org', 'emma.jones@fabrikam.example.com', 'lucas.martin@contoso.example.org'
    $settingsPath = Join-Path $TestDrive 'sync.json'
    New-ZoomHubSyncSetting -LookbackDays 60 -RegistrationRule @{ ListId = '42'; WebinarId = '823 4567 8901' } -Path $settingsPath -Force | Out-Null
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Invoke-ZoomHubSync with registration rules' {
    It '-WhatIf plans the registrations with the sync and writes nothing' {
        $journal.Clear()
        $plan = Invoke-ZoomHubSync -SettingsPath $settingsPath -WhatIf -WarningAction SilentlyContinue
        Get-WriteCount | Should -Be 0
        $plan.WhatIf | Should -BeTrue
        $plan.RegistrationRules | Should -Be 1
        $plan.ListMembersRegistered | Should -Be 3
        $plan.InstancesSynced | Should -BeGreaterThan 5
    }

    It '-SkipRegistrationRules syncs and registers nobody' {
        $before = (Get-RegistrantEmail $clinic).Count
        $summary = Invoke-ZoomHubSync -SettingsPath $settingsPath -SkipRegistrationRules -WarningAction SilentlyContinue
        $summary.RegistrationRules | Should -Be 0
        $summary.InstancesSynced | Should -BeGreaterThan 5
        (Get-RegistrantEmail $clinic).Count | Should -Be $before
    }

    It 'registers the list''s members from the saved rule, and the summary counts them' {
        $before = @(Get-RegistrantEmail $clinic)
        $before | Where-Object { $invitees -contains $_ } | Should -BeNullOrEmpty
        $summary = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningAction SilentlyContinue
        $summary.Outcome | Should -Be 'Succeeded'
        $summary.RegistrationRules | Should -Be 1
        $summary.RegistrationRulesFailed | Should -Be 0
        $summary.ListMembersRegistered | Should -Be 3
        $summary.ListMembersAlreadyRegistered | Should -Be 0
        $after = @(Get-RegistrantEmail $clinic)
        $after.Count | Should -Be ($before.Count + 3)
        foreach ($email in $invitees) { $after | Should -Contain $email }
        $text = $summary | Out-String -Width 80
        $text | Should -Match 'Rules\s+: 1 applied, 0 skipped, 0 failed'
        $text | Should -Match 'Rule members\s+: 3 registered, 0 already, 0 skipped, 0 failed'
        $csv = @($summary | ConvertTo-Csv -NoTypeInformation)
        $csv.Count | Should -Be 2
        $csv[0] | Should -Match '"ListMembersRegistered"'
        ($summary | ConvertTo-Json | ConvertFrom-Json).ListMembersRegistered | Should -Be 3
    }

    It 'a re-run registers nobody new and writes nothing' {
        $journal.Clear()
        $again = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningAction SilentlyContinue
        Get-WriteCount | Should -Be 0
        $again.ListMembersRegistered | Should -Be 0
        $again.ListMembersAlreadyRegistered | Should -Be 3
        $again.Created + $again.Updated | Should -Be 0
    }

    It 'names each rule in verbose lines' {
        $lines = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningAction SilentlyContinue -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $lines | Should -Contain "Registration rule 1 of 1: list 42 -> $($clinic): registering the list's members."
        ($lines -match "^Registration rule list 42 -> $clinic \('Security deep dive invitees'\): 3 member\(s\): 0 registered, 3 already registered") | Should -Not -BeNullOrEmpty
    }

    It 'a rule that fails is one error naming the rule with its own id; the other rule and the sync still run' {
        $rules = @{ ListId = '777'; WebinarId = $clinic }, @{ ListName = 'contoso contacts'; WebinarId = $clinic }
        $summary = Invoke-ZoomHubSync -SettingsPath $settingsPath -RegistrationRule $rules -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($err).Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'HubSpotListNotFound,ZoomHubPS.Commands.InvokeZoomHubSyncCommand'
        "$($err[0].TargetObject)" | Should -Be "list 777 -> $clinic"
        "$err" | Should -Match "^Registration rule list 777 -> $($clinic): No HubSpot list has the id 777"
        $summary.Outcome | Should -Be 'CompletedWithErrors'
        $summary.RegistrationRules | Should -Be 2
        $summary.RegistrationRulesFailed | Should -Be 1
        $summary.FailedRegistrationRules | Should -Match "^list 777 -> $($clinic): "
        $summary.ListMembersRegistered + $summary.ListMembersAlreadyRegistered | Should -BeGreaterThan 0
        $summary.InstancesSynced | Should -BeGreaterThan 5
        ($summary | Out-String -Width 80) | Should -Match 'FailedRules\s+: list 777'
    }

    It 'refuses -RegistrationRule with -SkipRegistrationRules, and a rule without a list' {
        { Invoke-ZoomHubSync -SettingsPath $settingsPath -SkipRegistrationRules -RegistrationRule @{ ListId = '42'; WebinarId = $clinic } -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.InvokeZoomHubSyncCommand'
        { Invoke-ZoomHubSync -SettingsPath $settingsPath -RegistrationRule @{ WebinarId = $clinic } -ErrorAction Stop } |
            Should -Throw '*-RegistrationRule*listId and listName*'
    }

    It 'the summary view shows no rule lines when the run applied none' {
        $text = Invoke-ZoomHubSync -SettingsPath $settingsPath -SkipRegistrationRules -WarningAction SilentlyContinue | Out-String -Width 80
        $text | Should -Match 'Instances\s+: \d+ synced'
        $text | Should -Not -Match 'Rule members'
        $text | Should -Not -Match 'FailedRules'
    }
}

Describe 'The runbook with registration rules' {
    It 'fails the job (non-zero exit) when a rule fails, naming the rule' {
        $env:ZOOMHUB_ZOOM_ACCOUNT_ID = $sandbox.ZoomAccountId
        $env:ZOOMHUB_ZOOM_CLIENT_ID = $sandbox.ZoomClientCredential.UserName
        $env:ZOOMHUB_ZOOM_CLIENT_SECRET = $sandbox.ZoomClientCredential.GetNetworkCredential().Password
        $env:ZOOMHUB_HUBSPOT_TOKEN = [pscredential]::new('x', $sandbox.HubSpotToken).GetNetworkCredential().Password
        $env:ZOOMHUB_ZOOM_OAUTH_URI = "$($sandbox.ZoomOAuthUri)"
        $env:ZOOMHUB_ZOOM_API_URI = "$($sandbox.ZoomApiUri)"
        $env:ZOOMHUB_HUBSPOT_URI = "$($sandbox.HubSpotUri)"
        try {
            $bad = Join-Path $TestDrive 'bad-rule.json'
            New-ZoomHubSyncSetting -LookbackDays 60 -RegistrationRule @{ ListName = 'No such list'; WebinarId = $clinic } -Path $bad -Force | Out-Null
            $runbook = Join-Path $PSScriptRoot '../../docs/runbooks/Invoke-ZoomHubSyncRunbook.ps1'
            $modules = Split-Path (Get-ModuleUnderTest) -Parent
            $script = @"
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath
& '$runbook' -SettingsPath '$bad'
"@
            $run = Invoke-ChildPwsh -Script $script -TimeoutSeconds 180
            $run.ExitCode | Should -Not -Be 0
            ($run.Output -join ' ') | Should -Match "1 registration rule\(s\) failed: list 'No such list'"
        }
        finally { Get-ChildItem env:ZOOMHUB_* | ForEach-Object { Remove-Item "env:$($_.Name)" } }
    }
}
