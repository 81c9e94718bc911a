# After registration: status changes, removal, polls and Q&A, and Invoke-ZoomHubRequest, through the built module against
# a loopback sandbox (demo scenario) whose request journal the tests read.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params
    $journal = $sandbox.Sandbox.Journal
    $zoom = $sandbox.Sandbox.Zoom
    $quarterly = 81234567890
    function Get-RouteCount([string] $RouteKey) { @($journal.Entries | Where-Object RouteKey -eq $RouteKey).Count }
    function Get-WriteCount { @($journal.Entries | Where-Object { $_.IsWrite }).Count }
    function Test-FitsIn80([object[]] $Objects, [string[]] $MustShow) {
        $text = $Objects | Format-Table | Out-String -Width 80
        foreach ($line in $text -split "`r?`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
        foreach ($value in $MustShow) { $text | Should -Match ([regex]::Escape($value)) }
    }
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Set-ZoomWebinarRegistrantStatus' {
    It 'approves the pending registrants piped from Get-ZoomWebinarRegistrant in one status request' {
        $journal.Clear()
        $r = Get-ZoomWebinarRegistrant -WebinarId $quarterly -Status Pending | Set-ZoomWebinarRegistrantStatus -Action Approve
        @($r).Count | Should -Be 1
        $r.Email | Should -Be 'priyanka.das@contoso.example.org'
        "$($r.Outcome)/$($r.PreviousStatus)/$($r.Status)" | Should -Be 'Changed/pending/approved'
        Get-RouteCount 'PUT /v2/webinars/{webinarId}/registrants/status' | Should -Be 1
        $zoom.Registrant($quarterly, 'priyanka.das@contoso.example.org').Status | Should -Be 'approved'
    }

    It 'takes CSV rows by property name and says why a row was not changed' {
        $rows = "Email`nli.wei@fabrikam.example.com`nnobody@example.org" | ConvertFrom-Csv
        $r = $rows | Set-ZoomWebinarRegistrantStatus -WebinarId '812 3456 7890' -Action Approve
        ($r | ForEach-Object { "$($_.Outcome):$($_.Reason)" }) | Should -Be @('Unchanged:AlreadyInState', 'NotFound:NotFound')
    }

    It 'asks before a cancel like a high-impact command: a non-interactive session without -Confirm:$false stops before any write' {
        $journal.Clear()
        { Set-ZoomWebinarRegistrantStatus -WebinarId $quarterly -Email sam.taylor@tailspin.example.net -Action Cancel -ErrorAction Stop } | Should -Throw
        Get-WriteCount | Should -Be 0
        $zoom.Registrant($quarterly, 'sam.taylor@tailspin.example.net').Status | Should -Be 'approved'
    }

    It '-WhatIf plans a deny and writes nothing' {
        $journal.Clear()
        $r = Set-ZoomWebinarRegistrantStatus -WebinarId $quarterly -Email sam.taylor@tailspin.example.net -Action Deny -WhatIf
        $r.WhatIf | Should -BeTrue
        "$($r.Outcome)" | Should -Be 'Changed'
        Get-WriteCount | Should -Be 0
    }

    It 'cancels with -Confirm:$false; the result view keeps who, what and the outcome at 80 columns' {
        $r = Set-ZoomWebinarRegistrantStatus -WebinarId 86789012345 -Email yuki.tanaka@tailspin.example.net -Action Cancel -Confirm:$false
        $r.Status | Should -Be 'denied'
        Test-FitsIn80 @($r) @('yuki.tanaka@tailspin.example.net', 'Cancel', 'Changed', 'denied')
    }

    It 'Add-ZoomWebinarRegistrant does not register a cancelled person again, and says how to let them in' {
        $r = Add-ZoomWebinarRegistrant -WebinarId 86789012345 -Email yuki.tanaka@tailspin.example.net -FirstName Yuki
        "$($r.Status)" | Should -Be 'Skipped'
        $r.Reason | Should -Be 'Denied'
        $r.Message | Should -Match 'denied list'
        $r.Message | Should -Match 'Set-ZoomWebinarRegistrantStatus .* -Action Approve'
        $zoom.Registrant(86789012345, 'yuki.tanaka@tailspin.example.net').Status | Should -Be 'denied'
    }

    It 'skips an input whose webinar id is not one, naming it, and changes the others' {
        $rows = @([pscustomobject] @{ WebinarId = '81-23-abc'; Email = 'x@example.org' }, [pscustomobject] @{ WebinarId = $quarterly; Email = 'li.wei@fabrikam.example.com' })
        $r = $rows | Set-ZoomWebinarRegistrantStatus -Action Approve -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ZoomHubInvalidWebinarId,ZoomHubPS.Commands.SetZoomWebinarRegistrantStatusCommand'
        "$($r.Reason)" | Should -Be 'AlreadyInState'
    }

    It 'names an unknown webinar with ZoomWebinarNotFound' {
        { Set-ZoomWebinarRegistrantStatus -WebinarId 89999999999 -Email a@example.org -Action Approve -ErrorAction Stop } |
            Should -Throw -ErrorId 'ZoomWebinarNotFound,ZoomHubPS.Commands.SetZoomWebinarRegistrantStatusCommand'
    }
}

Describe 'Remove-ZoomWebinarRegistrant' {
    It 'removes piped registrants with one DELETE each, and a re-run finds nobody' {
        $journal.Clear()
        $r = Get-ZoomWebinarRegistrant -WebinarId $quarterly -Status Denied | Remove-ZoomWebinarRegistrant -Confirm:$false
        $r.Email | Should -Be 'george.miller@fabrikam.example.com'
        "$($r.Outcome)/$($r.Status)" | Should -Be 'Changed/removed'
        Get-RouteCount 'DELETE /v2/webinars/{webinarId}/registrants/{registrantId}' | Should -Be 1
        $again = Remove-ZoomWebinarRegistrant -WebinarId $quarterly -RegistrantId $r.RegistrantId -Confirm:$false -ErrorVariable err
        "$($again.Outcome)" | Should -Be 'NotFound'
        $err | Should -BeNullOrEmpty
    }

    It 'confirms by default (ConfirmImpact High) and -WhatIf removes nobody' {
        (Get-Command Remove-ZoomWebinarRegistrant).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $journal.Clear()
        $r = Remove-ZoomWebinarRegistrant -WebinarId $quarterly -Email ana.ruiz@contoso.example.org -WhatIf
        $r.WhatIf | Should -BeTrue
        Get-WriteCount | Should -Be 0
    }
}

Describe 'Polls and Q&A' {
    It 'lists poll definitions, one row per question, readable at 80 columns' {
        $q = Get-ZoomWebinarPoll -WebinarId $quarterly
        $q.Count | Should -Be 4
        ($q | Where-Object PollTitle -eq 'Knowledge check').RightAnswers | Should -Be 'Enterprise'
        Test-FitsIn80 $q @('Product priorities', 'Which area should we improve next?')
    }

    It 'streams every answer of every instance with the email, anonymous answers without one' {
        $answers = Get-ZoomWebinarInstance -WebinarId $quarterly | Get-ZoomWebinarPollResult
        $answers.Count | Should -Be 11
        ($answers | Where-Object { $_.Email -eq 'ana.ruiz@contoso.example.org' }).Count | Should -Be 2
        $answers | Where-Object PollTitle -eq 'Session feedback' | ForEach-Object { $_.Email | Should -BeNullOrEmpty; $_.Name | Should -Be 'Anonymous Attendee' }
        Test-FitsIn80 @($answers | Where-Object Email -eq 'alex.stone@competitor.example.net') @('alex.stone@competitor.example.net', 'Integrations')
        ($answers | ConvertTo-Csv -NoTypeInformation | Out-String) | Should -Not -Match 'System\.'
        (Get-ZoomWebinarPollResult -WebinarId $quarterly -InstanceUuid '/ajXp112QmuoKj4854875==' -First 2).Count | Should -Be 2
    }

    It 'says who asked what and whether it was answered' {
        $questions = Get-ZoomWebinarQuestion -WebinarId $quarterly -InstanceUuid '/ajXp112QmuoKj4854875=='
        $questions.Count | Should -Be 5
        ($questions | Where-Object { -not $_.Answered }).Question | Sort-Object | Should -Be @('Can we get the slides afterwards?', 'How is pricing changing next year?')
        ($questions | Where-Object Email -eq 'li.wei@fabrikam.example.com').AnsweredLive | Should -BeTrue
        Test-FitsIn80 $questions @('m.garcia@personal.example.org', 'Can we get the slides')
        ($questions | ConvertTo-Json -Depth 3) | Should -Match '"Answered": true'
    }

    It 'syncs them onto the contacts with -IncludePollsAndQuestions: counts to filter on, the latest texts, and a re-run writes nothing' {
        Initialize-ZoomHubSchema | Out-Null
        $result = Sync-ZoomWebinarToHubSpot -WebinarId $quarterly -InstanceUuid '/ajXp112QmuoKj4854875==' -IncludePollsAndQuestions
        $result.PollAnswers | Should -Be 9
        $result.Questions | Should -Be 5
        $ana = Get-HubSpotContact -Email 'ana.ruiz@contoso.example.org' -Property zoomhub_webinar_poll_answer_count, zoomhub_webinar_question_count, zoomhub_last_webinar_questions
        $ana.zoomhub_webinar_poll_answer_count | Should -Be '2'
        $ana.zoomhub_last_webinar_questions | Should -Be 'Will the reporting API support webhooks? (answered)'
        $askers = Get-HubSpotContact -Filter @{ zoomhub_webinar_question_count = @{ gt = 0 } } -Property email
        @($askers).Count | Should -Be 4

        $journal.Clear()
        Sync-ZoomWebinarToHubSpot -WebinarId $quarterly -InstanceUuid '/ajXp112QmuoKj4854875==' -IncludePollsAndQuestions | Out-Null
        Get-WriteCount | Should -Be 0
    }

    It 'is a saved setting too' {
        $json = New-ZoomHubSyncSetting -SyncPollsAndQuestions $true -AsJson
        ($json | ConvertFrom-Json).syncPollsAndQuestions | Should -BeTrue
    }
}

Describe 'Invoke-ZoomHubRequest' {
    It 'calls an endpoint the module does not wrap and answers objects' {
        $r = Invoke-ZoomHubRequest -Api Zoom -Path "/v2/webinars/$quarterly"
        $r.topic | Should -Be 'Quarterly product update'
        $r.settings.approval_type | Should -Be 0
    }

    It '-All follows next_page_token and paging.next.after page by page' {
        $journal.Clear()
        $users = Invoke-ZoomHubRequest -Api Zoom -Path users -Query @{ page_size = 2 } -All
        @($users).Count | Should -Be @(Get-ZoomUser).Count
        Get-RouteCount 'GET /v2/users' | Should -BeGreaterThan 1
        $contacts = Invoke-ZoomHubRequest -Api HubSpot -Path crm/v3/objects/contacts -Query @{ limit = 2; properties = 'email', 'firstname' } -All
        @($contacts).Count | Should -Be @($sandbox.Sandbox.HubSpot.Contacts | Where-Object { -not $_.Archived }).Count
        $contacts[0].properties.email | Should -Not -BeNullOrEmpty
        $journal.Clear()
        (Invoke-ZoomHubRequest -Api HubSpot -Path crm/v3/objects/contacts -Query @{ limit = 2 } -All -First 2).Count | Should -Be 2
        Get-RouteCount 'GET /crm/v3/objects/contacts' | Should -Be 1
    }

    It 'sends a hashtable body; -WhatIf sends nothing' {
        $journal.Clear()
        $body = @{ action = 'deny'; registrants = @(@{ email = 'erik.karlsson@tailspin.example.net' }) }
        Invoke-ZoomHubRequest -Api Zoom -Method PUT -Path "webinars/$quarterly/registrants/status" -Body $body -WhatIf
        Get-WriteCount | Should -Be 0
        $answer = Invoke-ZoomHubRequest -Api Zoom -Method PUT -Path "webinars/$quarterly/registrants/status" -Body $body
        $answer | Should -BeNullOrEmpty
        $zoom.Registrant($quarterly, 'erik.karlsson@tailspin.example.net').Status | Should -Be 'denied'
    }

    It 'maps failures to the module''s error ids and refuses paths off the API' {
        { Invoke-ZoomHubRequest -Api Zoom -Path webinars/89999999999 -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomNotFound,ZoomHubPS.Commands.InvokeZoomHubRequestCommand'
        { Invoke-ZoomHubRequest -Api HubSpot -Path 'https://evil.example.net/crm/v3/objects/contacts' -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubInvalidArgument,ZoomHubPS.Commands.InvokeZoomHubRequestCommand'
    }

    It 'never shows a secret in verbose output' {
        $lines = Invoke-ZoomHubRequest -Api HubSpot -Path crm/v3/objects/contacts -Query @{ limit = 1; hapikey = 'dev-secret-123' } -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($lines -join "`n") | Should -Match 'hapikey=\*\*\*'
        ($lines -join "`n") | Should -Not -Match 'dev-secret-123'
        ($lines -join "`n") | Should -Not -Match ([regex]::Escape($sandbox.Sandbox.Credentials.HubSpotToken))
    }
}
