published 2026-11-11
E slovenia LOC Slovenia
E slovenian MISC Slovenian
E ljubljana LOC Ljubljana
E adn ORG Adriatic Newswire
E bs ORG Black Sava
E croatia LOC Croatia
E zidani LOC Zidani Most
E sr ORG Slovenian Railways
E kurir ORG Dnevni Kurir
E horvat PER Franc Horvat
E celje LOC Celje
E telegram MISC Telegram
E sicert ORG SI-CERT
E croatian MISC Croatian
E vidmar PER Maja Vidmar
E maribor LOC Maribor
E zagreb LOC Zagreb
E lipica ORG Lipica Systems
E zupan PER Boris Zupan
E kranjc PER Tadej Kranjc
E eu ORG EU
E enisa ORG ENISA
E european MISC European
V claim claim_responsibility | - | 2026-11-08 on |
V det arrest | - | 2026-11-10 on | detained:exact:3
V death death | a tunnel near Zidani Most | 2026-11-07 on |
V stmt statement | - | 2026-11-07 on |
V deny denial | - | 2026-11-09 on |
V warn warning | - | 2026-11-05 on |
V meet meeting | - | 2026-11-09 on |
V enisa report | - | 2026-10 during |
T enisa | cfound | - | ENISA report on attacks on transport
T warn | cwarn | - | SI-CERT warns of unusual scanning
T death | - | - | passenger dies on a train stuck in a tunnel
T stmt | csaid | - | Slovenian Railways statement on the death
T claim | cclaim | - | Black Sava claims the outage
T deny | cdeny | - | Lipica Systems denies leaving a flaw unpatched
T - | ctold | 2026-11-09 on | chief executive: stolen passwords
T meet | - | - | minister meets rail and software chiefs
T det | - | - | three detained in Slovenia and Croatia
---
[Hacker group]{bs.n} <claims>{claim} cyber-attack that halted [Slovenian]{slovenian} trains; three <detained>{det}

[LJUBLJANA]{ljubljana}, Nov 11 ([Adriatic Newswire]{adn}) - A group calling itself [Black Sava]{bs} <claimed responsibility>{claim@cclaim} on Sunday night for a cyber-attack that shut down signalling and ticket machines across [Slovenia]{slovenia}'s rail network for nine hours on Saturday, and police in [Slovenia]{slovenia} and [Croatia]{croatia} <detained>{det} three people on Tuesday, officials said.

About 30,000 passengers were stranded, some of them for hours in unheated carriages. [A 71-year-old man]{horvat.n} <died>{death} of a heart attack on Saturday evening aboard a train that had stopped in a tunnel near [Zidani Most]{zidani}, the operator, [Slovenian Railways]{sr}, <said>{@csaid} in a <statement>{stmt} late on Saturday. No one else was hurt.

The daily [Dnevni Kurir]{kurir}, citing [his]{horvat.p} family, named [the man]{horvat.n} as [Franc Horvat]{horvat}, a retired teacher from [Celje]{celje}. [His]{horvat.p} daughter told [the paper]{kurir.n} that the crew had called an ambulance, but that it took almost an hour to reach the tunnel.

In a message posted on [Telegram]{telegram}, [Black Sava]{bs} said [it]{bs.p} had "switched off [the country]{slovenia.n}" to protest against plans to sell the state's rail freight business. [It]{bs.p} gave no evidence. Analysts at [SI-CERT]{sicert}, the national computer emergency team, said [the group]{bs.n} first appeared in August, when [it]{bs.p} knocked a [Croatian]{croatian} ferry company's website offline.

Police spokeswoman [Maja Vidmar]{vidmar} said officers had <detained>{det} a 17-year-old in [Maribor]{maribor}, and [Croatian]{croatian} police had <arrested>{det} two men in [Zagreb]{zagreb} at [Slovenia]{slovenia}'s request. None of the three has been charged, and [she]{vidmar.p} would not say whether they were members of [the group]{bs.n}.

[Lipica Systems]{lipica}, the [Ljubljana]{ljubljana} company that built the signalling software, <denied>{deny@cdeny} on Monday that [it]{lipica.p} had left a known flaw unpatched. [Its]{lipica.p} chief executive, [Boris Zupan]{zupan}, <told>{@ctold} reporters the attackers had used stolen passwords "from outside our systems".

[SI-CERT]{sicert} had <warned>{warn@cwarn} rail and energy operators on Thursday, two days before the attack, that [it]{sicert.p} had seen "unusual scanning" of their networks, according to an internal notice seen by [Adriatic Newswire]{adn}.

Infrastructure Minister [Tadej Kranjc]{kranjc} <met>{meet} the heads of [Slovenian Railways]{sr} and [Lipica Systems]{lipica} on Monday and ordered a review of the rail network's security. Another outage "cannot be ruled out", [he]{kranjc.p} said.

A <report>{enisa} published in October by the [EU]{eu} cybersecurity agency [ENISA]{enisa} <found>{@cfound} that ransomware and sabotage attempts on [European]{european} transport operators had doubled in two years.
