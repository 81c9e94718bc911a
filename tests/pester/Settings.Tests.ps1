# Saved sync settings through the built module: create, change per user and per webinar, save, load from a file, a
# string and an object, and the errors a runbook would see. No connection is needed for any of it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $settingsType = 'ZoomHubPS.Core.Settings.SyncSettings'
    function Get-ErrorOf([scriptblock] $Script) {
        try { & $Script; throw 'expected an error' } catch { return $_ }
    }
}

Describe 'New-ZoomHubSyncSetting' {
    It 'returns the documented defaults' {
        $s = New-ZoomHubSyncSetting
        $s.PSObject.TypeNames[0] | Should -Be $settingsType
        $s.Sync | Should -BeTrue
        $s.AllUsers | Should -BeTrue
        $s.SyncNewWebinars | Should -BeTrue
        $s.SyncRecordings | Should -BeFalse
        $s.LookbackDays | Should -Be 30
        $s.TimelineAppId | Should -BeNullOrEmpty
    }

    It 'takes a parameter for every global value' {
        $s = New-ZoomHubSyncSetting -Sync $false -User Ana@Example.com, li@example.com -SyncNewWebinars $false -SyncRecordings $true `
            -ExcludeHostDomain '@internal.example.com' -ExcludeContactDomain example.com -ExcludeRecordingDomain legal.example.com `
            -IncludeAccountUsers $true -MatchSecondaryEmail $true -RecreateDeletedContacts $true `
            -PropertyName @{ RegistrationCount = 'zoom_webinar_registration_count' } -TimelineAppId 123456 -LookbackDays 14 `
            -RegistrationRule @{ ListId = 42; WebinarId = '812 3456 7890' }, @{ ListName = 'Webinar invitees'; WebinarId = 85512345678; OccurrenceId = '1648194360000' }
        $s.Sync | Should -BeFalse
        $s.Users | Should -Be @('ana@example.com', 'li@example.com')
        $s.SyncNewWebinars | Should -BeFalse
        $s.SyncRecordings | Should -BeTrue
        $s.ExcludedHostDomains | Should -Be @('internal.example.com')
        $s.ExcludedContactDomains | Should -Be @('example.com')
        $s.ExcludedRecordingDomains | Should -Be @('legal.example.com')
        ($s.IncludeAccountUsers -and $s.MatchSecondaryEmail -and $s.RecreateDeletedContacts) | Should -BeTrue
        $s.PropertyNames['RegistrationCount'] | Should -Be 'zoom_webinar_registration_count'
        $s.TimelineAppId | Should -Be 123456
        $s.LookbackDays | Should -Be 14
        $s.RegistrationRules.Count | Should -Be 2
        $s.RegistrationRules[0].WebinarId | Should -Be 81234567890
    }

    It '-AsJson returns the whole document, every key in the fixed order' {
        $json = New-ZoomHubSyncSetting -AsJson
        $json | Should -BeOfType [string]
        $keys = ($json | ConvertFrom-Json).PSObject.Properties.Name
        $keys | Should -Be @('schemaVersion', 'sync', 'users', 'syncNewWebinars', 'syncRecordings', 'userSettings', 'webinars', 'exclusions',
            'includeAccountUsers', 'matchSecondaryEmail', 'recreateDeletedContacts', 'syncPollsAndQuestions', 'propertyNames', 'timelineAppId', 'lookbackDays', 'registrationRules')
    }

    It '-Path saves the document and refuses to overwrite a file without -Force' {
        $path = Join-Path $TestDrive 'new.json'
        $s = New-ZoomHubSyncSetting -LookbackDays 7 -Path $path
        Get-Content $path -Raw | Should -BeExactly ($s.ToJson() + "`n")
        { New-ZoomHubSyncSetting -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubSyncSettingExists,ZoomHubPS.Commands.NewZoomHubSyncSettingCommand'
        (Get-ZoomHubSyncSetting -Path $path).LookbackDays | Should -Be 7
        New-ZoomHubSyncSetting -LookbackDays 9 -Path $path -Force | Out-Null
        (Get-ZoomHubSyncSetting -Path $path).LookbackDays | Should -Be 9
    }

    It '-WhatIf writes no file' {
        $path = Join-Path $TestDrive 'whatif-new.json'
        New-ZoomHubSyncSetting -Path $path -WhatIf | Out-Null
        Test-Path $path | Should -BeFalse
    }

    It 'a parameter value the settings cannot hold is a bad argument naming the key' {
        $err = Get-ErrorOf { New-ZoomHubSyncSetting -ExcludeHostDomain 'example.com', 'bad domain' -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidArgument,ZoomHubPS.Commands.NewZoomHubSyncSettingCommand'
        $err.Exception.Message | Should -Match ([regex]::Escape('$.exclusions.hostDomains[1]'))
        { New-ZoomHubSyncSetting -LookbackDays 0 -ErrorAction Stop } | Should -Throw
        { New-ZoomHubSyncSetting -RegistrationRule @{ ListId = 42 } -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.NewZoomHubSyncSettingCommand'
    }

    It 'the default view is a flat list that fits 80 columns' {
        $s = New-ZoomHubSyncSetting -User ana@example.com -ExcludeHostDomain internal.example.com |
            Set-ZoomHubSyncWebinarSetting -WebinarId 81234567890 -Sync $false
        $lines = ($s | Out-String -Width 80) -split "`r?`n"
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        ($lines -match '^Webinars\s+: 81234567890 \(sync off\)$') | Should -Not -BeNullOrEmpty
        ($lines -match '^LookbackDays\s+: 30$') | Should -Not -BeNullOrEmpty
        ($lines -match '@\{|\{\}') | Should -BeNullOrEmpty
    }
}

Describe 'Set-ZoomHubSyncSetting, Set-ZoomHubSyncUserSetting, Set-ZoomHubSyncWebinarSetting' {
    It 'changes only the values given and returns new settings' {
        $before = New-ZoomHubSyncSetting -LookbackDays 14
        $after = $before | Set-ZoomHubSyncSetting -SyncRecordings $true
        $after.SyncRecordings | Should -BeTrue
        $after.LookbackDays | Should -Be 14
        $before.SyncRecordings | Should -BeFalse
        { $after.Users[0] = 'eve@example.com' } | Should -Throw
    }

    It 'clears a list with an empty array' {
        $s = New-ZoomHubSyncSetting -ExcludeHostDomain internal.example.com | Set-ZoomHubSyncSetting -ExcludeHostDomain @()
        $s.ExcludedHostDomains.Count | Should -Be 0
    }

    It 'sets per-user values, keeps the ones not given, and $null returns one to the global default' {
        $s = New-ZoomHubSyncSetting |
            Set-ZoomHubSyncUserSetting -UserEmail Ana@Example.com -SyncNewWebinars $false -SyncRecordings $true |
            Set-ZoomHubSyncUserSetting -UserEmail ana@example.com -SyncRecordings $false
        $ana = $s.UserSettings | Where-Object Email -eq 'ana@example.com'
        $ana.SyncNewWebinars | Should -BeFalse
        $ana.SyncRecordings | Should -BeFalse
        $s = $s | Set-ZoomHubSyncUserSetting -UserEmail ana@example.com -SyncRecordings $null
        ($s.UserSettings | Where-Object Email -eq 'ana@example.com').SyncRecordings | Should -BeNullOrEmpty
        ($s | Remove-ZoomHubSyncUserSetting -UserEmail ANA@example.com).UserSettings.Count | Should -Be 0
    }

    It 'warns when a user with settings of its own is not one of the selected users' {
        $s = New-ZoomHubSyncSetting -User ana@example.com |
            Set-ZoomHubSyncUserSetting -UserEmail bo@example.com -SyncRecordings $true -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -Not -BeNullOrEmpty
        "$($warned[0])" | Should -Match 'bo@example.com is not one of the selected users'
        $s.UserSettings.Email | Should -Be 'bo@example.com'
    }

    It 'sets per-webinar overrides from ids as people type them, and removes them' {
        $s = New-ZoomHubSyncSetting |
            Set-ZoomHubSyncWebinarSetting -WebinarId '812 3456 7890', '855-1234-5678' -Sync $false |
            Set-ZoomHubSyncWebinarSetting -WebinarId 85512345678 -SyncRecordings $true
        $s.Webinars.WebinarId | Should -Be @(81234567890, 85512345678)
        ($s.Webinars | Where-Object WebinarId -eq 85512345678).Sync | Should -BeFalse
        ($s.Webinars | Where-Object WebinarId -eq 85512345678).SyncRecordings | Should -BeTrue
        $s = $s | Remove-ZoomHubSyncWebinarSetting -WebinarId '812-3456-7890'
        $s.Webinars.WebinarId | Should -Be 85512345678
        { $s | Set-ZoomHubSyncWebinarSetting -WebinarId 'abc' -Sync $true -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomHubInvalidWebinarId,ZoomHubPS.Commands.SetZoomHubSyncWebinarSettingCommand'
    }

    It 'needs a value to set, and settings to change' {
        { New-ZoomHubSyncSetting | Set-ZoomHubSyncUserSetting -UserEmail ana@example.com -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.SetZoomHubSyncUserSettingCommand'
        { Set-ZoomHubSyncSetting -LookbackDays 7 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.SetZoomHubSyncSettingCommand'
    }

    It 'reads -Path, saves the change back, and returns it only with -PassThru' {
        $path = Join-Path $TestDrive 'set.json'
        New-ZoomHubSyncSetting -Path $path | Out-Null
        Set-ZoomHubSyncSetting -Path $path -LookbackDays 7 | Should -BeNullOrEmpty
        Set-ZoomHubSyncUserSetting -Path $path -UserEmail ana@example.com -SyncRecordings $true | Should -BeNullOrEmpty
        $out = Set-ZoomHubSyncWebinarSetting -Path $path -WebinarId 81234567890 -Sync $false -PassThru
        $out.PSObject.TypeNames[0] | Should -Be $settingsType
        $loaded = Get-ZoomHubSyncSetting -Path $path
        $loaded.LookbackDays | Should -Be 7
        $loaded.UserSettings[0].SyncRecordings | Should -BeTrue
        $loaded.Webinars[0].Sync | Should -BeFalse
        $loaded -eq $out | Should -BeTrue
    }

    It '-WhatIf leaves the file as it was' {
        $path = Join-Path $TestDrive 'whatif-set.json'
        New-ZoomHubSyncSetting -Path $path | Out-Null
        $text = Get-Content $path -Raw
        Set-ZoomHubSyncSetting -Path $path -Sync $false -WhatIf
        Set-ZoomHubSyncWebinarSetting -Path $path -WebinarId 81234567890 -Sync $false -WhatIf
        Remove-ZoomHubSyncUserSetting -Path $path -UserEmail ana@example.com -WhatIf -WarningAction SilentlyContinue
        Get-Content $path -Raw | Should -BeExactly $text
    }
}

Describe 'Get-ZoomHubSyncSetting and Export-ZoomHubSyncSetting' {
    BeforeAll {
        $reference = New-ZoomHubSyncSetting -User ana@example.com -LookbackDays 14 -ExcludeContactDomain example.com |
            Set-ZoomHubSyncUserSetting -UserEmail ana@example.com -SyncRecordings $true |
            Set-ZoomHubSyncWebinarSetting -WebinarId 81234567890 -Sync $false
    }

    It 'a saved file loads as equal settings and saves as the same text' {
        $path = Join-Path $TestDrive 'export.json'
        $reference | Export-ZoomHubSyncSetting -Path $path
        $loaded = Get-ZoomHubSyncSetting -Path $path
        $loaded -eq $reference | Should -BeTrue
        $again = Join-Path $TestDrive 'export-again.json'
        $loaded | Export-ZoomHubSyncSetting -Path $again
        Get-Content $again -Raw | Should -BeExactly (Get-Content $path -Raw)
    }

    It 'loads the same settings from a file, a string and objects' {
        $path = Join-Path $TestDrive 'forms.json'
        $reference | Export-ZoomHubSyncSetting -Path $path
        $json = $reference.ToJson()
        (Get-ZoomHubSyncSetting -Path $path) -eq $reference | Should -BeTrue
        (Get-ZoomHubSyncSetting -Json $json) -eq $reference | Should -BeTrue
        ($json | Get-ZoomHubSyncSetting) -eq $reference | Should -BeTrue
        ($json | ConvertFrom-Json | Get-ZoomHubSyncSetting) -eq $reference | Should -BeTrue
        (Get-ZoomHubSyncSetting -InputObject ($json | ConvertFrom-Json -AsHashtable)) -eq $reference | Should -BeTrue
        ($reference | Get-ZoomHubSyncSetting) -eq $reference | Should -BeTrue
    }

    It 'takes a hashtable written the PowerShell way' {
        $s = @{ SchemaVersion = 1; LookbackDays = 7; Exclusions = @{ HostDomains = @('internal.example.com') } } | Get-ZoomHubSyncSetting
        $s.LookbackDays | Should -Be 7
        $s.ExcludedHostDomains | Should -Be 'internal.example.com'
    }

    It 'a bad file ends with ZoomHubInvalidSyncSetting naming the file, the key and the value' {
        $path = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $path -Value '{ "schemaVersion": 1, "exclusions": { "hostDomains": [ "example.com", "exa mple.com" ] } }'
        $err = Get-ErrorOf { Get-ZoomHubSyncSetting -Path $path -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidSyncSetting,ZoomHubPS.Commands.GetZoomHubSyncSettingCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.TargetObject | Should -Be $path
        $err.Exception.Path | Should -BeExactly '$.exclusions.hostDomains[1]'
        $err.Exception.Value | Should -BeExactly '"exa mple.com"'
        $err.ErrorDetails.Message | Should -Match ([regex]::Escape("The sync settings in '$path' are not valid: `$.exclusions.hostDomains[1]: 'exa mple.com' is not a domain name"))
        $err.ErrorDetails.RecommendedAction | Should -Match 'about_ZoomHubPS_SyncSettings'
    }

    It 'a bad string and an unknown key name the key; the target is the string' {
        $json = '{ "schemaVersion": 1, "lookBackDays": 7 }'
        $err = Get-ErrorOf { Get-ZoomHubSyncSetting -Json $json -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidSyncSetting,ZoomHubPS.Commands.GetZoomHubSyncSettingCommand'
        $err.TargetObject | Should -BeExactly $json
        $err.Exception.Message | Should -Match "Did you mean 'lookbackDays'\?"
    }

    It 'a newer document says to update the module' {
        $err = Get-ErrorOf { Get-ZoomHubSyncSetting -Json '{ "schemaVersion": 2 }' -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidSyncSetting,ZoomHubPS.Commands.GetZoomHubSyncSettingCommand'
        $err.Exception.Message | Should -Match 'update ZoomHubPS'
    }

    It 'a missing file is ZoomHubSyncSettingNotFound' {
        { Get-ZoomHubSyncSetting -Path (Join-Path $TestDrive 'nope.json') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomHubSyncSettingNotFound,ZoomHubPS.Commands.GetZoomHubSyncSettingCommand'
    }

    It 'resolves a relative path from the current PowerShell location' {
        Push-Location $TestDrive
        try {
            $reference | Export-ZoomHubSyncSetting -Path 'relative.json'
            (Get-ZoomHubSyncSetting -Path 'relative.json') -eq $reference | Should -BeTrue
        }
        finally { Pop-Location }
    }

    It 'Export -WhatIf writes nothing; -NoClobber keeps an existing file' {
        $path = Join-Path $TestDrive 'export-whatif.json'
        $reference | Export-ZoomHubSyncSetting -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
        $reference | Export-ZoomHubSyncSetting -Path $path
        { New-ZoomHubSyncSetting | Export-ZoomHubSyncSetting -Path $path -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomHubSyncSettingExists,ZoomHubPS.Commands.ExportZoomHubSyncSettingCommand'
        (Get-ZoomHubSyncSetting -Path $path) -eq $reference | Should -BeTrue
    }

    It 'the commented example of about_ZoomHubPS_SyncSettings loads' {
        $topic = Get-Content (Join-Path $PSScriptRoot '../../docs/about_ZoomHubPS_SyncSettings.md') -Raw
        $example = [regex]::Match($topic, '(?s)```json\r?\n(.*?)```').Groups[1].Value
        $example | Should -Match '//'
        $s = Get-ZoomHubSyncSetting -Json $example
        $s.LookbackDays | Should -Be 14
        $s.Webinars.WebinarId | Should -Be @(81234567890, 85512345678)
        $s.RegistrationRules.Count | Should -Be 2
    }
}
