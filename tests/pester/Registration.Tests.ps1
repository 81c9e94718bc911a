BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params
    Initialize-ZoomHubSchema | Out-Null
    $journal = $sandbox.Sandbox.Journal
    function Get-WriteCount { @($journal.Entries | Where-Object { $_.IsWrite }).Count }
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Add-ZoomWebinarRegistrant' {
    It 'rejects a malformed webinar id before any request' {
        $journal.Clear()
        { [pscustomobject] @{ Email = 'a@example.org'; FirstName = 'A' } | Add-ZoomWebinarRegistrant -WebinarId '81-23-abc' -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubInvalidWebinarId,ZoomHubPS.Commands.AddZoomWebinarRegistrantCommand'
        $journal.Total | Should -Be 0
    }

    It 'stops naming the required questions the CSV does not answer' {
        $csv = "Email,FirstName,LastName`nnew.person@example.org,New,Person" | ConvertFrom-Csv
        $err = $null
        try { $csv | Add-ZoomWebinarRegistrant -WebinarId '834 5678 9012' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomRegistrationQuestionsMissing,*'
        "$err" | Should -Match 'How did you hear about us\?'
        "$err" | Should -Match 'org'
    }

    It 'registers CSV rows with a question map and explains every outcome' {
        $csv = @'
Email,FirstName,LastName,Company
maya.chen@northwind.example.com,Maya,Chen,Northwind
csv.one@example.org,Csv,One,Fabrikam
CSV.ONE@example.org,Csv,One,Fabrikam
'@ | ConvertFrom-Csv
        $r = $csv | Add-ZoomWebinarRegistrant -WebinarId 83456789012 -QuestionMap @{ org = 'Company'; 'How did you hear about us?' = '=Email' }
        $r.Count | Should -Be 3
        ($r | Where-Object Reason -eq 'Host').Email | Should -Be 'maya.chen@northwind.example.com'
        $registered = $r | Where-Object { $_.Status.ToString() -eq 'Registered' }
        $registered.Email | Should -Be 'csv.one@example.org'
        $registered.JoinUrl | Should -Not -BeNullOrEmpty
        ($r | Where-Object Reason -eq 'DuplicateInput').Email | Should -Be 'CSV.ONE@example.org'
        ($r | Format-Table | Out-String) | Should -Match 'Status'
    }

    It '-ErrorAction Stop ends the call at the first failed row, before later batches' {
        $journal.Clear()
        $rows = @([pscustomobject] @{ Email = 'not-an-email'; FirstName = 'Bad' }) + (1..40 | ForEach-Object { [pscustomobject] @{ Email = "stop$_@example.net"; FirstName = 'Stop' } })
        { $rows | Add-ZoomWebinarRegistrant -WebinarId 86789012345 -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomRegistrationFailed,ZoomHubPS.Commands.AddZoomWebinarRegistrantCommand'
        @($journal.Entries | Where-Object { $_.Route -like '*batch_registrants' }).Count | Should -Be 0
    }

    It '-WhatIf registers nobody' {
        $journal.Clear()
        $r = Add-ZoomWebinarRegistrant -WebinarId 86789012345 -Email someone.new@example.org -FirstName Some -WhatIf
        $r.WhatIf | Should -BeTrue
        Get-WriteCount | Should -Be 0
    }

    It 'stops with a clear error for a webinar without registration' {
        { Add-ZoomWebinarRegistrant -WebinarId 84567890123 -Email x@example.org -FirstName X -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomRegistrationNotPossible,ZoomHubPS.Commands.AddZoomWebinarRegistrantCommand'
    }
}

Describe 'Add-HubSpotContactToWebinar' {
    It 'registers contacts from Get-HubSpotContact, writes the join link back, and a re-run writes nothing' {
        $r = Get-HubSpotContact -Email ana.ruiz@contoso.example.org | Add-HubSpotContactToWebinar -WebinarId '867-8901-2345'
        $r.Status.ToString() | Should -Be 'Registered'
        (Get-HubSpotContact -Email ana.ruiz@contoso.example.org -Property email, zoomhub_last_registered_webinar_url).zoomhub_last_registered_webinar_url | Should -Be $r.JoinUrl
        $journal.Clear()
        $again = Get-HubSpotContact -Email ana.ruiz@contoso.example.org | Add-HubSpotContactToWebinar -WebinarId 86789012345
        $again.Status.ToString() | Should -Be 'AlreadyRegistered'
        Get-WriteCount | Should -Be 0
    }

    It 'registers a HubSpot list piped from Get-HubSpotContact -ListId; a re-run adds nobody' {
        $map = @{ org = 'company'; 'How did you hear about us?' = 'how_heard' }
        $first = Get-HubSpotContact -ListId 42 -Property email, firstname, lastname, company, how_heard |
            Add-HubSpotContactToWebinar -WebinarId 83456789012 -QuestionMap $map -ErrorVariable err -ErrorAction SilentlyContinue
        ($first | Where-Object { $_.Status.ToString() -eq 'Registered' }).Email | Sort-Object | Should -Be @('emma.jones@fabrikam.example.com', 'noah.patel@contoso.example.org')
        # Lucas has no company and no answer in HubSpot: not sent to Zoom, one error naming what is missing.
        ($first | Where-Object Email -eq 'lucas.martin@contoso.example.org').Reason | Should -Be 'MissingAnswer'
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomRegistrationFailed,ZoomHubPS.Commands.AddHubSpotContactToWebinarCommand'
        (Get-HubSpotContact -Email noah.patel@contoso.example.org -Property email, zoomhub_last_registered_webinar_name).zoomhub_last_registered_webinar_name | Should -Be 'Security deep dive'

        $journal.Clear()
        $again = Add-HubSpotContactToWebinar -ListId 42 -WebinarId 83456789012 -QuestionMap $map -ErrorAction SilentlyContinue
        ($again | Where-Object { $_.Status.ToString() -eq 'AlreadyRegistered' }).Count | Should -Be 2
        @($journal.Entries | Where-Object { $_.Route -like '*/registrants' -and $_.Method -eq 'POST' -or $_.Route -like '*batch_registrants' }).Count | Should -Be 0
    }

    It 'registers a list by name with -WhatIf without writing' {
        $journal.Clear()
        $plan = Add-HubSpotContactToWebinar -ListName 'fabrikam at launch' -WebinarId 86789012345 -WhatIf -ErrorAction SilentlyContinue
        ($plan.Email | Sort-Object) | Should -Be @('emma.jones@fabrikam.example.com', 'li.wei@fabrikam.example.com') # one result per member
        ($plan | Where-Object Email -eq 'li.wei@fabrikam.example.com').Reason | Should -Be 'MissingFirstName' # no name in HubSpot
        $plan | ForEach-Object { $_.WhatIf | Should -BeTrue }
        Get-WriteCount | Should -Be 0
    }

    It 'stops with HubSpotListNotFound for a list that does not exist' {
        { Add-HubSpotContactToWebinar -ListId 999999 -WebinarId 86789012345 -ErrorAction Stop } | Should -Throw -ErrorId 'HubSpotListNotFound,ZoomHubPS.Commands.AddHubSpotContactToWebinarCommand'
    }

    It 'needs exactly one of -WebinarId and -WebinarIdProperty' {
        { Add-HubSpotContactToWebinar -Email ana.ruiz@contoso.example.org -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.AddHubSpotContactToWebinarCommand'
    }
}
