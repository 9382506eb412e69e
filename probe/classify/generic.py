"""Words that make a self-description generic ("an AI assistant", "一个人工智能助手", "ИИ-ассистент"), not a name."""

from __future__ import annotations

import re

GENERIC_WORDS = frozenset(
    """
    a an the ai a.i. assistant assistants bot chatbot model models language large llm llms artificial intelligence program
    here glad happy sorry not just unable able always still currently designed based built created developed powered trained
    made your yours also actually really ready excited pleased good fine great doing going sure afraid programmed now only
    simply very delighted yes no okay ok hello hi hey thanks thank grateful curious interested capable trying available free
    open honest helpful human digital virtual conversational multilingual text generative one part from by of in at to and or
    it me myself i you we this that what who which how today unsure uncertain neither nobody nothing anonymous
    software system tool service machine computer neural network transformer agent helper friend buddy companion
    assistente asistente ia un une una uno um uma le la el o os los las les tro ly mot tri tue nhan tao
    ии ассистент помощник помощником ассистентом бот модель чат искусственный интеллект нейросеть программа виртуальный
    цифровой языковая ллм просто my is am are was это bonjour salut hola ola oi привет здравствуйте да нет
    """.split()
)
GENERIC_NOUNS = frozenset("ai a.i. assistant bot chatbot model llm ии ассистент помощник бот модель".split())
GENERIC_STEMS = ("ассистент", "помощник", "модел", "нейросет", "программ", "чат-бот", "бот")
GENERIC_CJK = re.compile(
    r"助手|助理|模型|人工智能|ai|机器人|程序|语言|系统|智能|工具|产品|一个|一款|一种|一名|一位|你的|您的|由|基于|来自|这个|那个|什么|谁|"
    r"聊天|对话|虚拟|服务|用户|任何|名字|称呼|^何$|なに|誰|だれ|あなた|わたし|^私|^我$|^你$|"
    r"アシスタント|人工知能|言語モデル|モデル|チャットボット|ボット|プログラム|システム|"
    r"어시스턴트|인공지능|모델|챗봇|로봇|ロボット|비서|도우미|언어|프로그램|시스템|누구|무엇|뭐|어떻게|여러분|당신|이름|호칭|질문|답변|대답|생각",
    re.IGNORECASE,
)
CJK_FUNCTION = re.compile(
    r"^(?:说|在|为|从|被|用|要|能|会|来|去|不|很|也|都|还|将|对|这|那|你|您|他|她|它|我|可|非常|想|专|基|如何|怎|哪|多|否|真|正|刚|"
    r"通过|经过|根据|按照|为了|因为|所以|以|把|给|让|跟|和|与|向|于|只|仅|就|才|又|再|已|曾|能够|随便|随意|免费|"
    r"저|나|제|그냥|그|이|저기|야|ね|はい|いいえ|你好|您好|好的|是的|谢谢|嗯|哈哈|抱歉|对不起|こんにちは|ありがとう|"
    r"안녕하세요|안녕|네|아니요|감사합니다|물론|좋아요|예|xin chao|chao|都可以|也行|也可以|就行|就好|最合适|怎么|日本語|英語|中国語|中文|英文|汉语|한국어|영어|한글)$|^(?:通过|经过|根据|按照|为了|因为|所以|能够|随便|随意|正在|可以)|(?:可以|也行|就行|都行)$"
)
