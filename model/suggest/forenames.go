package suggest

// Common forenames by gender, across languages. Used only to pick between
// candidate antecedents of "he" and "she"; an unknown name matches either.

var maleNames = words(`aaron abdul abdullah abel abraham adam adel adil adrian ahmad ahmed aidan ajay
	akira alan albert alberto alejandro aleksandar aleksander aleksandr aleksei alex alexander
	alexandre alexei alexey alfonso alfred ali alistair amir amit anders andre andrea_m andreas
	andrei andres andrew andrey andriy andrzej angel angus anil anthony antoine anton antonio
	arash arjun armando arne arnold arthur arturo ashok august augustin axel ayman barry bart
	bartosz basil ben benedict benjamin bernard bernd bill bjorn björn blake bob bogdan boris
	brad bradley brandon brendan brian bruce bruno bryan burak callum calvin cameron carl carlo
	carlos carsten cedric cesar charles charlie chen chris christian christoph christopher
	claude clement colin conor connor constantin craig cristian cyril dale damian damien dan
	daniel daniele dario darius darren david dean declan dennis denis derek desmond diego
	dieter dimitri dimitris dmitri dmitry dominic dominik don donald doug douglas duncan dusan
	dylan eamon ed eddie edgar edmund eduardo edward edwin egor elias elijah emil emile
	emmanuel enrico enrique eric erik ernest ernesto esteban ethan eugene evan fabian fabio
	farid felipe felix ferdinand fernando filip finn florian francesco francis francisco
	francois françois frank franz fred frederick fredrik fritz gabriel gareth gary gavin
	geoffrey georg george georgios gerald gerard gerhard giorgio giovanni giuseppe glen glenn
	gordon graham grant greg gregor gregory guillaume gunnar gustav gustavo guy hakan håkan
	hamid hamza hans harald harold harry hassan heinrich helmut henri henrik henry herbert
	hiroshi horst howard hugh hugo hussein ian ibrahim igor ilya imran ioan ion isaac ismail
	ivan ivo jack jacob jacques jake jakob jakub james jamal jamie jan janusz jared jason javier
	jean jeff jeffrey jens jeremy jerome jerzy jesse jesus jim jimmy joachim joao joe joel
	johan johann johannes john jon jonas jonathan jordan jorge jose josef joseph joshua juan
	julian julien julio jurgen jürgen justin kai kamal karel karim karl karol kasper keith
	ken kenji kenneth kevin khalid kim_m klaus konrad konstantin kristian krzysztof kurt kwame
	lars laurent lawrence lee leo leon leonard leonardo leonid liam lorenzo louis luc luca
	lucas ludwig luis luiz lukas luke magnus mahmoud malcolm manfred manuel marc marcel marcin
	marco marcos marcus marek mario marius mark marko martin mateo mathias matt matteo
	matthew matthias mattias maurice max maxim maximilian mehmet michael michał michal michel
	miguel mihai mikael mikhail miklos milan miloš milos mohamed mohammad mohammed moritz
	muhammad mustafa nabil nasser nathan neil nicholas nick nicolas niklas nikola nikolai
	nikolaos nils noah norbert nuno olaf oleg oleksandr oliver olivier omar oscar oskar otto
	owen pablo paolo pascal patrick paul paulo pavel pawel paweł pedro per peter petr petros
	philip philipp philippe pierre piotr rafael rafal rahul rajesh ralph ramon rashid raul
	ray raymond reza ricardo richard rick robert roberto robin rodrigo roger roland roman
	ronald rory ross rudolf rui rupert russell ryan saeed said_m salman sam samir samuel
	sandeep sanjay santiago sascha sebastian sean sergei sergey sergio seth shane sharif
	simon slawomir stanislav stefan stefano steffen stephen steve steven stuart sven szymon
	tadeusz takashi tariq ted terry theo theodore thierry thomas tim timothy tobias todd tom
	tomas tomasz tomás tony torsten travis tyler ulrich umar uwe václav vaclav valentin
	valery vasily victor viktor vincent vitaly vladimir vladislav walter warren wayne werner
	wilhelm will william wojciech wolfgang xavier yannick yaroslav yasser yevgeny yosef youssef
	yuri yusuf zbigniew zoltan`)

var femaleNames = words(`abigail ada adela adriana agata agnes agnieszka aisha alessandra alexandra
	alexis alice alicia alina alison amanda amelia amina amy ana anastasia andrea angela
	angelika anita anja ann anna anne annette annika antonia ariana astrid aurora barbara
	beata beatrice beatriz bella bettina birgit bridget brigitte camilla carla carmen caroline
	catherine cecilia celia charlotte chiara chloe christina christine claire clara claudia
	colette cristina dagmar daniela daphne deborah denise diana dorothea dorothy edith eleanor
	elena eleni eliza elizabeth ella ellen elin elisa elisabeth elise eliska elizaveta elsa
	emilia emily emma erika esther eva evelyn fatima fatma felicity fiona francesca franziska
	freya gabriela gabriele gabrielle galina gemma georgia gertrude gillian giulia gloria
	grace greta gudrun hanna hannah harriet heather heidi helen helena helga hilary hiroko
	holly ilse ines ingrid irene irina iris isabel isabella isabelle jacqueline jane janet
	janina jasmine jennifer jenny jessica joanna johanna josephine judith julia julie justyna
	karen karin karina karolina katarzyna kate katharina katherine kathleen katja katrin
	kerstin kim_f kirsten kristina laila lara laura lea leah leila lena lilly lily linda lisa
	liv lorena louise lucia lucy luisa lydia magdalena maja malgorzata małgorzata
	margaret margarita margit maria mariana marie marina marion marta martina mary maryam
	matilda maya megan melanie mia michaela michelle mila mira miriam monica monika nadia
	nadine naomi natalia natalie natasha nathalie nicole nina noor nora olga olivia paola
	patricia paula paulina pauline petra pia priya rachel rebecca regina renata rita rosa
	rose ruth sabine sabrina sally samantha sandra sara sarah sasha_f silvia simone sofia
	sonia sophia sophie stella stephanie susan susanne svetlana sylvia tamara tanja tatiana
	teresa theresa tina ursula valentina valeria vanessa vera veronica veronika victoria
	viktoria violet virginia wendy yasmin yelena yulia yvonne zainab zofia zoe zuzana`)
