# Invoke-ZoomHubSync through the built module: saved settings, one run, one summary, a re-run that writes nothing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params
    $journal = $sandbox.Sandbox.Journal
    function Get-WriteCount {
        @($journal.Entries | Where-Object { $_.IsWrite -and $_.Status -ge 200 -and $_.Status -lt 300 }).Count
    }
    $settingsPath = Join-Path $TestDrive 'sync.json'
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Invoke-ZoomHubSync' {
    It 'refuses to run before Initialize-ZoomHubSchema, with a stable error id and no write' {
        $journal.Clear()
        { Invoke-ZoomHubSync -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'ZoomHubSchemaMissing,ZoomHubPS.Commands.InvokeZoomHubSyncCommand'
        Get-WriteCount | Should -Be 0
        Initialize-ZoomHubSchema | Out-Null
    }

    It 'with sync off in the settings writes nothing and says how to turn it on' {
        New-ZoomHubSyncSetting -Sync $false -Path $settingsPath -Force | Out-Null
        $journal.Clear()
        $summary = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningVariable w -WarningAction SilentlyContinue
        $summary.Outcome | Should -Be 'Disabled'
        Get-WriteCount | Should -Be 0
        "$w" | Should -Match 'Set-ZoomHubSyncSetting -Sync \$true'
    }

    It '-WhatIf plans the whole run without a write' {
        New-ZoomHubSyncSetting -LookbackDays 60 -Path $settingsPath -Force | Out-Null
        $journal.Clear()
        $plan = Invoke-ZoomHubSync -SettingsPath $settingsPath -WhatIf -WarningAction SilentlyContinue
        Get-WriteCount | Should -Be 0
        $plan.WhatIf | Should -BeTrue
        $plan.Created | Should -BeGreaterThan 0
    }

    It 'syncs the account from saved settings, warns once about what it cannot list, and the summary exports flat' {
        $summary = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningVariable w -WarningAction SilentlyContinue
        $summary.Outcome | Should -Be 'Succeeded'
        $summary.InstancesSynced | Should -BeGreaterThan 5
        $summary.SyncedInstances | Should -Match '80123456789/'
        @($w).Count | Should -Be 1
        "$w" | Should -Match '80123456789'
        $csv = @($summary | ConvertTo-Csv -NoTypeInformation)
        $csv.Count | Should -Be 2
        $csv[0] | Should -Match '"InstancesSynced"'
        $csv[1] | Should -Not -Match 'System\.Collections'
        ($summary | ConvertTo-Json | ConvertFrom-Json).Created | Should -Be $summary.Created
    }

    It 'a re-run over the same window writes nothing' {
        $journal.Clear()
        $again = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningAction SilentlyContinue
        Get-WriteCount | Should -Be 0
        $again.Created + $again.Updated | Should -Be 0
        $again.Unchanged | Should -BeGreaterThan 0
    }

    It 'reads settings from JSON text, as an Automation variable holds them, and a parameter wins over them' {
        $json = New-ZoomHubSyncSetting -LookbackDays 60 -AsJson
        $summary = Invoke-ZoomHubSync -Settings $json -ExcludeHostDomain agency.example.net -WarningAction SilentlyContinue
        $summary.SkippedInstances | Should -Match '85678901234: ExcludedHost'
    }

    It 'names a bad settings key with its own error id' {
        { Invoke-ZoomHubSync -Settings '{ "schemaVersion": 1, "lookbackDayz": 3 }' -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubInvalidSyncSetting,ZoomHubPS.Commands.InvokeZoomHubSyncCommand'
    }

    It 'the summary view keeps its figures at 80 columns' {
        $summary = Invoke-ZoomHubSync -SettingsPath $settingsPath -WarningAction SilentlyContinue
        $text = $summary | Out-String -Width 80
        $text | Should -Match 'Outcome\s+: Succeeded'
        $text | Should -Match 'Instances\s+: \d+ synced, \d+ skipped, \d+ failed'
        $text | Should -Match 'Requests\s+: Zoom \d+, HubSpot \d+'
    }
}
