# Tab completion: values come from the connection the command line would use, are cached, and never throw.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params
    $journal = $sandbox.Sandbox.Journal

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    $sandbox | Stop-ZoomHubSandbox
}

Describe 'Argument completion' {
    It 'completes -Scenario with the built-in scenarios and scenario files' {
        Set-Content -Path (Join-Path $TestDrive 'my-scenario.json') -Value '{}'
        Set-Content -Path (Join-Path $TestDrive 'notes.txt') -Value 'x'
        (Complete 'Connect-ZoomHub -Sandbox -Scenario ').CompletionText | Should -Contain 'demo'
        (Complete 'Connect-ZoomHub -Sandbox -Scenario em').CompletionText | Should -Be 'empty'
        Push-Location $TestDrive
        try {
            $files = (Complete 'Start-ZoomHubSandbox -Scenario ./').CompletionText
            ($files -join ' ') | Should -Match 'my-scenario\.json'
            ($files -join ' ') | Should -Not -Match 'notes\.txt'
        }
        finally { Pop-Location }
    }

    It 'completes -WebinarId from the account by digits or by a word of the topic, and caches the listing' {
        $journal.Clear()
        $byDigits = Complete 'Get-ZoomWebinarInstance -WebinarId 8123'
        $byDigits.CompletionText | Should -Be '81234567890'
        $byDigits[0].ListItemText | Should -Match 'Quarterly product update'
        $byDigits[0].ToolTip | Should -Match 'host maya.chen@northwind.example.com'
        $requests = $journal.Total
        $requests | Should -BeGreaterThan 0

        (Complete 'Sync-ZoomWebinarToHubSpot -WebinarId quarterly').CompletionText | Should -Be '81234567890'
        (Complete 'Add-ZoomWebinarRegistrant -WebinarId roundtable').CompletionText | Should -Be '86789012345'
        @(Complete 'Get-ZoomWebinar -WebinarId ').Count | Should -BeGreaterThan 3
        $journal.Total | Should -Be $requests -Because 'later completions reuse the cached listing'
    }

    It 'completes -InstanceUuid with the instances of the webinar on the command line, quoted' {
        $uuids = (Get-ZoomWebinarInstance -WebinarId 81234567890).Uuid
        $found = Complete 'Get-ZoomWebinarAttendance -WebinarId 81234567890 -InstanceUuid '
        ($found.CompletionText | ForEach-Object { $_.Trim("'") }) | Sort-Object | Should -Be ($uuids | Sort-Object)
        $found[0].CompletionText | Should -Match "^'.*'$"
        $found[0].ListItemText | Should -Match '^\d{4}-\d\d-\d\d \d\d:\d\d UTC'
        Complete 'Get-ZoomWebinarAttendance -InstanceUuid ' | Should -BeNullOrEmpty -Because 'without a webinar there is nothing to list'
    }

    It 'completes HubSpot property names for -Property, -WebinarIdProperty and -JoinUrlProperty' {
        Initialize-ZoomHubSchema | Out-Null
        $props = (Complete 'Get-HubSpotContact -Email a@example.org -Property zoomhub_').CompletionText
        $props | Should -Contain 'zoomhub_webinar_attendance_count'
        $props | ForEach-Object { $_ | Should -BeLike 'zoomhub_*' }
        (Complete 'Add-HubSpotContactToWebinar -Email a@example.org -WebinarIdProperty first').CompletionText | Should -Contain 'firstname'
        (Complete 'Add-HubSpotContactToWebinar -Email a@example.org -JoinUrlProperty zoomhub_last_registered_webinar_u').CompletionText | Should -Be 'zoomhub_last_registered_webinar_url'
    }

    It 'uses the connection given with -Connection, and offers nothing (never an error) without one' {
        $empty = Connect-ZoomHub -Sandbox -Scenario empty -PassThru
        $global:completionConnection = $empty
        try {
            Complete 'Get-ZoomWebinar -Connection $completionConnection -WebinarId ' | Should -BeNullOrEmpty
        }
        finally { Remove-Variable completionConnection -Scope Global }
        $empty | Disconnect-ZoomHub
        Connect-ZoomHub @params
        $c = Get-ZoomHubConnection
        $c | Disconnect-ZoomHub
        { Complete 'Get-ZoomWebinar -WebinarId ' } | Should -Not -Throw
        Complete 'Get-ZoomWebinar -WebinarId ' | Should -BeNullOrEmpty
        Connect-ZoomHub @params
    }
}
