# Results as files: Export-Csv and ConvertTo-Json get flat, typed values, one shape per stream, in input order.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    Connect-ZoomHub -Sandbox -Scenario demo
    Initialize-ZoomHubSchema | Out-Null

    function Assert-Flat([string] $Csv) {
        # What a nested value looks like in a CSV: a .NET type name, a PowerShell hashtable or object rendering.
        $Csv | Should -Not -Match 'System\.Collections|System\.Object|Dictionary|@\{|TimeSpan|\d\d:\d\d:\d\d\.\d{3,}'
    }
}

AfterAll { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

Describe 'Sync results' {
    BeforeAll { $results = @(Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot -WhatIf) }

    It 'export one flat row per instance: a column per skip reason and participation state, seconds as a number' {
        $path = Join-Path $TestDrive 'sync.csv'
        $results | Export-Csv $path -NoTypeInformation
        $text = Get-Content $path -Raw
        Assert-Flat $text
        $rows = @(Import-Csv $path)
        $rows.Count | Should -Be $results.Count
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($c in 'SkippedNoEmail', 'SkippedAccountUser', 'SkippedExcludedDomain', 'SkippedDeletedContact', 'SkippedInvalidEmail', 'SkippedPending',
                       'RegisterParticipations', 'AttendParticipations', 'CancelParticipations', 'DurationSeconds', 'ZoomRequests', 'HubSpotRequests') {
            $columns | Should -Contain $c
        }
        $columns | Should -Not -Contain 'SkippedByReason'
        $columns | Should -Not -Contain 'Participations'
        $columns | Should -Not -Contain 'Duration'
        [double]::Parse($rows[0].DurationSeconds, [cultureinfo]::InvariantCulture) | Should -BeGreaterOrEqual 0
    }

    It 'keeps the counts consistent: the skip columns add up to Skipped' {
        foreach ($r in $results) {
            ($r.SkippedNoEmail + $r.SkippedAccountUser + $r.SkippedExcludedDomain + $r.SkippedDeletedContact + $r.SkippedInvalidEmail + $r.SkippedPending) | Should -Be $r.Skipped
            $r.DurationSeconds | Should -BeOfType [double]
        }
        ($results | Measure-Object AttendParticipations -Sum).Sum | Should -BeGreaterThan 0
    }

    It 'converts to JSON without nested objects' {
        $json = $results[0] | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        foreach ($p in $json.PSObject.Properties) { $p.Value | Should -Not -BeOfType [System.Management.Automation.PSCustomObject] }
    }

    It '-Detailed writes person records only; the instance summaries go to the information stream' {
        $path = Join-Path $TestDrive 'people.csv'
        $out = @(Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot -WhatIf -Detailed -InformationVariable summary)
        ($out | ForEach-Object { $_.PSObject.TypeNames[0] } | Sort-Object -Unique) | Should -Be 'ZoomHubPS.Core.WebinarSync.PersonSyncRecord'
        $summaries = @($summary | Where-Object { $_.Tags -contains 'ZoomHubSyncSummary' } | ForEach-Object MessageData)
        $summaries.Count | Should -Be 2
        $summaries[0].PSObject.TypeNames[0] | Should -Be 'ZoomHubPS.Core.WebinarSync.SyncResult'
        $out.Count | Should -Be (($summaries | Measure-Object Created, Updated, Unchanged, Skipped, Failed -Sum | Measure-Object Sum -Sum).Sum)

        $out | Export-Csv $path -NoTypeInformation
        $text = Get-Content $path -Raw
        Assert-Flat $text
        $rows = @(Import-Csv $path)
        $rows.Count | Should -Be $out.Count
        # One shape: every row has an email column and an outcome, no summary row at the end.
        $rows | Where-Object { -not $_.Outcome } | Should -BeNullOrEmpty
    }
}

Describe 'Registration results' {
    It 'come back in input order with InputIndex, and export without the input object' {
        $rows = @(
            [pscustomobject] @{ Email = 'order3@example.org'; FirstName = 'C' }
            [pscustomobject] @{ Email = 'not-an-email'; FirstName = 'Bad' }
            [pscustomobject] @{ Email = 'host@volume.example.com'; FirstName = 'Vera' }
            [pscustomobject] @{ Email = 'order1@example.org'; FirstName = 'A' }
            [pscustomobject] @{ Email = 'ORDER3@example.org'; FirstName = 'C again' }
        )
        # A webinar without a capacity limit, so only the input decides each outcome.
        $volume = Connect-ZoomHub -Sandbox -Scenario (New-ZoomHubTestScenario -Path (Join-Path $TestDrive 'order.json')) -PassThru
        $r = @($rows | Add-ZoomWebinarRegistrant -WebinarId 89200000002 -Connection $volume -WhatIf -ErrorAction SilentlyContinue 6>$null)
        $volume | Disconnect-ZoomHub
        Connect-ZoomHub -Sandbox -Scenario demo
        Initialize-ZoomHubSchema | Out-Null
        $r.Count | Should -Be 5
        $r.InputIndex | Should -Be @(1, 2, 3, 4, 5)
        $r.Email | Should -Be $rows.Email
        ($r | ForEach-Object { $_.Status.ToString() }) | Should -Be @('Registered', 'Failed', 'Skipped', 'Registered', 'Skipped')
        [object]::ReferenceEquals($r[0].GetInput(), $rows[0]) | Should -BeTrue

        $path = Join-Path $TestDrive 'registrations.csv'
        $r | Export-Csv $path -NoTypeInformation
        $text = Get-Content $path -Raw
        Assert-Flat $text
        (Import-Csv $path)[0].PSObject.Properties.Name | Should -Not -Contain 'Input'
    }

    It 'Add-HubSpotContactToWebinar binds WebinarId from CSV rows' {
        $csv = "Email,FirstName,WebinarId`nana.ruiz@contoso.example.org,Ana,867-8901-2345" | ConvertFrom-Csv
        $r = $csv | Add-HubSpotContactToWebinar -WhatIf 6>$null
        $r.WebinarId | Should -Be 86789012345
        $r.InputIndex | Should -Be 1
    }
}
