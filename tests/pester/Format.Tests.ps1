# Every table view rendered as a user sees it, at 80 columns (Azure Automation output, CI logs, a default terminal)
# and at 120: the key columns are there, in order, with whole headers (a header squeezed into a narrow column wraps
# one letter per line), and no line is wider than the console.
BeforeDiscovery {
    # Type name, the headers that must show at 80 columns (in order), and those that must show at 120.
    $views = @(
        @{ Type = 'ZoomHubPS.Core.ZoomHubConnection'; At80 = 'Default', 'ZoomAccountId', 'HubSpotPortalId', 'Sandbox', 'TokenExpires', 'Missing'; At120 = 'Name' }
        @{ Type = 'ZoomHubPS.Models.ZoomHubSandboxEndpoint'; At80 = 'Port', 'Scenario', 'ZoomAccountId', 'IsRunning', 'BaseUri' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomUser'; At80 = 'Email', 'FirstName', 'LastName', 'Type', 'Status'; At120 = 'Id' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomWebinar'; At80 = 'Id', 'StartTime', 'Approval', 'HostEmail', 'Topic' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomPastInstance'; At80 = 'WebinarId', 'StartTime', 'Uuid' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomRegistrant'; At80 = 'Email', 'Status', 'CreateTime', 'Name' }
        @{ Type = 'ZoomHubPS.Models.ZoomRegistrationQuestion'; At80 = 'WebinarId', 'Kind', 'Required', 'Type', 'Name'; At120 = 'Answers' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomPanelist'; At80 = 'Email', 'Name', 'JoinUrl' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomParticipant'; At80 = 'JoinTime', 'LeaveTime', 'Seconds', 'UserEmail', 'Name'; At120 = 'RegistrantId' }
        @{ Type = 'ZoomHubPS.Core.Attendance.WebinarAttendance'; At80 = 'Percent', 'Seconds', 'Sessions', 'Email', 'FirstJoin', 'LastLeave'; At120 = 'Name' }
        @{ Type = 'ZoomHubPS.Core.Zoom.ZoomRecording'; At80 = 'Id', 'StartTime', 'Files', 'Topic', 'ShareUrl' }
        @{ Type = 'ZoomHubPS.HubSpotContact'; At80 = 'Id', 'Registrations', 'Attended', 'AvgPercent', 'Email', 'Name' }
        @{ Type = 'ZoomHubPS.Core.WebinarSync.SyncResult'; At80 = 'WebinarId', 'StartTime', 'Created', 'Updated', 'Unchanged', 'Skipped', 'Failed', 'Topic' }
        @{ Type = 'ZoomHubPS.Core.WebinarSync.PersonSyncRecord'; At80 = 'Outcome', 'Reason', 'Percent', 'Seconds', 'Email', 'Registrant'; At120 = 'ContactId' }
        @{ Type = 'ZoomHubPS.Core.WebinarSync.SchemaItemResult'; At80 = 'Kind', 'Status', 'Name', 'Message' }
        @{ Type = 'ZoomHubPS.Core.WebinarRegistration.RegistrationResult'; At80 = '#', 'Status', 'Reason', 'Code', 'Email'; At120 = 'JoinUrl' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params
    $instance = Get-ZoomWebinarInstance -WebinarId 81234567890 | Select-Object -First 1
    $samples = @{
        'ZoomHubPS.Core.ZoomHubConnection'                     = { Get-ZoomHubConnection }
        'ZoomHubPS.Models.ZoomHubSandboxEndpoint'              = { $sandbox }
        'ZoomHubPS.Core.Zoom.ZoomUser'                         = { Get-ZoomUser }
        'ZoomHubPS.Core.Zoom.ZoomWebinar'                      = { Get-ZoomWebinar -All -Detailed }
        'ZoomHubPS.Core.Zoom.ZoomPastInstance'                 = { Get-ZoomWebinarInstance -WebinarId 81234567890 }
        'ZoomHubPS.Core.Zoom.ZoomRegistrant'                   = { Get-ZoomWebinarRegistrant -WebinarId 81234567890 -Status All }
        'ZoomHubPS.Models.ZoomRegistrationQuestion'            = { Get-ZoomWebinarRegistrationQuestion -WebinarId 83456789012 }
        'ZoomHubPS.Core.Zoom.ZoomPanelist'                     = { Get-ZoomWebinarPanelist -WebinarId 81234567890 }
        'ZoomHubPS.Core.Zoom.ZoomParticipant'                  = { $instance | Get-ZoomWebinarParticipant }
        'ZoomHubPS.Core.Attendance.WebinarAttendance'          = { $instance | Get-ZoomWebinarAttendance -WarningAction SilentlyContinue }
        'ZoomHubPS.Core.Zoom.ZoomRecording'                    = { Get-ZoomWebinar -All | Get-ZoomWebinarInstance | Get-ZoomWebinarRecording -ErrorAction SilentlyContinue }
        'ZoomHubPS.HubSpotContact'                             = { Get-HubSpotContact -All }
        'ZoomHubPS.Core.WebinarSync.SchemaItemResult'          = { Initialize-ZoomHubSchema -WhatIf }
        'ZoomHubPS.Core.WebinarSync.SyncResult'                = { Initialize-ZoomHubSchema | Out-Null; Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot -WhatIf }
        'ZoomHubPS.Core.WebinarSync.PersonSyncRecord'          = { Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot -WhatIf -Detailed }
        'ZoomHubPS.Core.WebinarRegistration.RegistrationResult' = {
            @([pscustomobject] @{ Email = 'not-an-email'; FirstName = 'Bad' }) + (1..3 | ForEach-Object { [pscustomobject] @{ Email = "view$_@example.org"; FirstName = 'View' } }) |
                Add-ZoomWebinarRegistrant -WebinarId 86789012345 -WhatIf -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 6>$null
        }
    }

    function Get-Table([object[]] $Objects, [int] $Width) {
        # The header line, the dashes under it, and every line, as Out-Default would print them.
        $lines = @(($Objects | Out-String -Width $Width) -split "`r?`n")
        $dashes = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^[\s-]+$' -and $l -match '-' })
        [pscustomobject] @{ Lines = $lines; Header = $lines[$dashes - 1]; Dashes = $lines[$dashes]; Labels = @(-split $lines[$dashes - 1]) }
    }
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    $sandbox | Stop-ZoomHubSandbox
}

Describe 'Table views' {
    It '<Type> at 80 columns (and 79, what an 80-column console formats at) shows <At80>' -ForEach $views {
        $objects = @(& $samples[$Type] | Where-Object { $_.PSObject.TypeNames -contains $Type })
        $objects | Should -Not -BeNullOrEmpty -Because "the sandbox yields $Type objects"
        foreach ($width in 79, 80) {
            $table = Get-Table $objects $width
            $table.Labels | Select-Object -First $At80.Count | Should -Be $At80 -Because "at $width columns"
            # One dash group per header: no header wrapped onto a second line.
            @(-split $table.Dashes).Count | Should -Be $table.Labels.Count -Because "no header wraps at $width columns"
            $table.Lines | Where-Object { $_.Length -gt $width } | Should -BeNullOrEmpty
        }
    }

    It '<Type> at 120 columns shows <At80> and <At120>' -ForEach $views {
        $objects = @(& $samples[$Type] | Where-Object { $_.PSObject.TypeNames -contains $Type })
        $table = Get-Table $objects 120
        $expected = @($At80) + @($At120 | Where-Object { $_ })
        $table.Labels | Select-Object -First $expected.Count | Should -Be $expected
        @(-split $table.Dashes).Count | Should -Be $table.Labels.Count
        $table.Lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }

    It 'registration results keep the error text out of the table' {
        $out = @([pscustomobject] @{ Email = 'not-an-email'; FirstName = 'Bad' }) + (1..3 | ForEach-Object { [pscustomobject] @{ Email = "table$_@example.org"; FirstName = 'Table' } }) |
            Add-ZoomWebinarRegistrant -WebinarId 86789012345 -WhatIf -ErrorAction Continue 2>&1 6>$null
        # Every result first, then the error: printed, the table is whole.
        $kinds = @($out | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'E' } else { 'R' } }) -join ''
        $kinds | Should -Be 'RRRRE' -Because ($out | ForEach-Object { $_.GetType().Name + ': ' + $_ } | Out-String)
    }

    It 'the connection list view shows the scopes and URIs the table leaves out' {
        $text = Get-ZoomHubConnection | Format-List | Out-String -Width 80
        foreach ($label in 'IsDefault', 'MissingScopes', 'ZoomScopes', 'HubSpotScopes', 'ZoomApiBaseUri', 'HubSpotBaseUri') { $text | Should -Match "$label\s*:" }
    }
}
