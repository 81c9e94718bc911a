@{
    RootModule           = 'ZoomHubPS.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3d3e-7c1a-4a57-9d0e-2f6c0b7e9a41'
    Author               = 'ZoomHubPS contributors'
    CompanyName          = 'ZoomHubPS'
    Copyright            = '(c) ZoomHubPS contributors. MIT License.'
    Description          = 'Sync Zoom webinar registrations and attendance into HubSpot, and register HubSpot contacts for Zoom webinars, from a shell, a script or an Azure Automation runbook. Includes a local sandbox twin of both APIs.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # Dependencies load from Dependencies/ through the module's own resolver: no RequiredAssemblies, no NestedModules.
    FormatsToProcess     = @('ZoomHubPS.format.ps1xml')
    CmdletsToExport      = @(
        'Add-HubSpotContactToWebinar'
        'Add-ZoomWebinarRegistrant'
        'Connect-ZoomHub'
        'Disconnect-ZoomHub'
        'Export-ZoomHubSyncSetting'
        'Get-HubSpotContact'
        'Get-ZoomHubConnection'
        'Get-ZoomHubSyncSetting'
        'Get-ZoomUser'
        'Get-ZoomWebinar'
        'Get-ZoomWebinarAbsentee'
        'Get-ZoomWebinarAttendance'
        'Get-ZoomWebinarInstance'
        'Get-ZoomWebinarPanelist'
        'Get-ZoomWebinarParticipant'
        'Get-ZoomWebinarPoll'
        'Get-ZoomWebinarPollResult'
        'Get-ZoomWebinarQuestion'
        'Get-ZoomWebinarRecording'
        'Get-ZoomWebinarRegistrant'
        'Get-ZoomWebinarRegistrationQuestion'
        'Get-ZoomWebinarTranscript'
        'Initialize-ZoomHubSchema'
        'Invoke-ZoomHubRequest'
        'Invoke-ZoomHubSync'
        'New-ZoomHubSyncSetting'
        'Remove-ZoomHubSyncUserSetting'
        'Remove-ZoomHubSyncWebinarSetting'
        'Remove-ZoomWebinarRegistrant'
        'Set-ZoomHubSyncSetting'
        'Set-ZoomHubSyncUserSetting'
        'Set-ZoomHubSyncWebinarSetting'
        'Set-ZoomWebinarRegistrantStatus'
        'Start-ZoomHubSandbox'
        'Stop-ZoomHubSandbox'
        'Sync-ZoomWebinarToHubSpot'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Zoom', 'HubSpot', 'Webinar', 'Webinars', 'Registration', 'Attendance', 'CRM', 'MarketingEvents', 'Marketing', 'Sync',
                             'Sandbox', 'AzureAutomation', 'Runbook', 'Windows', 'Linux', 'MacOS', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri   = 'https://github.com/ZoomHubPS/ZoomHubPS'
            LicenseUri   = 'https://github.com/ZoomHubPS/ZoomHubPS/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0
- Sync-ZoomWebinarToHubSpot: contacts, a marketing event per webinar instance with register/attend/cancel participations,
  segmentation properties recomputed from a per-contact history; -WhatIf plans; -Detailed person records; progress bars.
- Add-ZoomWebinarRegistrant / Add-HubSpotContactToWebinar: bulk registration in batches of 30, results in input order as
  each batch finishes, join links written back to HubSpot.
- Invoke-ZoomHubSync: the account-wide run a schedule starts, driven by saved sync settings (New-/Set-/Get-/Export-ZoomHubSyncSetting).
- Registrant lifecycle (Set-ZoomWebinarRegistrantStatus, Remove-ZoomWebinarRegistrant), polls and Q&A, Invoke-ZoomHubRequest.
- Read cmdlets for both sides; flat, export-ready results; table views sized for 80 columns.
- Connect-ZoomHub reads both sides' granted scopes and warns about missing ones; Get-ZoomHubConnection -ListAvailable;
  Tab completion of webinar ids, instance UUIDs, HubSpot property names and sandbox scenarios.
- The sandbox (Connect-ZoomHub -Sandbox, Start-ZoomHubSandbox) ships in the module: a local twin of both APIs.
'@
        }
    }
    HelpInfoURI          = 'https://github.com/ZoomHubPS/ZoomHubPS/tree/main/docs'
}
